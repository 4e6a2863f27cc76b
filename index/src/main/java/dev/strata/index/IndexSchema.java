package dev.strata.index;

/**
 * Field names and the schema version of the Strata Lucene index.
 *
 * <p>Every document has a {@link #KIND} of {@link #KIND_FILE}, {@link #KIND_LAYER} or {@link #KIND_IMAGE}.
 * Doc values (for aggregations without loading documents) are noted per field.
 */
public final class IndexSchema {
    /** Bump when field names, types or meanings change; stored in the commit user data. */
    public static final int SCHEMA_VERSION = 3;
    /** Commit user-data key holding {@link #SCHEMA_VERSION}. */
    public static final String USER_DATA_SCHEMA_VERSION = "strata.schema.version";

    /** Document kind (StringField): {@code file}, {@code layer} or {@code image}. */
    public static final String KIND = "kind";
    public static final String KIND_FILE = "file";
    public static final String KIND_LAYER = "layer";
    public static final String KIND_IMAGE = "image";
    public static final String KIND_PACKAGE = "package";

    // ---- file documents (one per tar entry) and layer documents
    /** Layer diffID {@code sha256:…} (StringField + SortedDocValues); on file docs the owning layer, stored on layer docs. */
    public static final String LAYER = "layer";
    /** Position of the entry in its layer tar (NumericDocValues). */
    public static final String ORDINAL = "ordinal";
    /** Absolute path, exact (StringField + SortedDocValues); prefix queries run on this field. */
    public static final String PATH = "path";
    /** {@code EntryType} name (StringField + SortedDocValues). */
    public static final String TYPE = "type";
    /** Entry size in bytes (NumericDocValues). */
    public static final String SIZE = "size";
    /** Permission bits (NumericDocValues). */
    public static final String MODE = "mode";
    /** Owner uid (NumericDocValues). */
    public static final String UID = "uid";
    /** Owner gid (NumericDocValues). */
    public static final String GID = "gid";
    /** Modification time, epoch seconds (NumericDocValues). */
    public static final String MTIME = "mtime";
    /** Symlink / hard-link target (BinaryDocValues); absent for other types. */
    public static final String LINK = "link";
    /** Content digest {@code sha256:…} of regular files (StringField + SortedDocValues); absent otherwise. */
    public static final String SHA256 = "sha256";
    /**
     * The first 8 bytes of {@link #SHA256} as a signed long (NumericDocValues only), on regular files with
     * content: lets fleet-wide duplicate-content aggregation sort fixed-width keys instead of merging the
     * per-segment terms dictionaries of {@link #SHA256}. Since schema 3.
     */
    public static final String CONTENT_KEY = "content_key";

    // ---- layer documents
    /** Uncompressed layer size (stored + NumericDocValues). */
    public static final String LAYER_SIZE = "layer_size";
    /** Number of entries (stored + NumericDocValues). */
    public static final String ENTRY_COUNT = "entry_count";
    /** Number of regular files (stored + NumericDocValues). */
    public static final String FILE_COUNT = "file_count";
    /** Total bytes of regular files (stored + NumericDocValues). */
    public static final String FILE_BYTES = "file_bytes";
    /** When the layer or image was indexed, epoch millis (stored + NumericDocValues); layer and image docs. */
    public static final String INDEXED_AT = "indexed_at";

    // ---- image documents
    /** Manifest digest, the image key (StringField, stored). */
    public static final String IMAGE = "image";
    /** Config digest (StringField, stored). */
    public static final String CONFIG = "config";
    /** The reference the image was scanned as (StringField, stored). */
    public static final String REFERENCE = "reference";
    /** Repo tags, multi-valued (StringField, stored). */
    public static final String TAG = "tag";
    /** Platform such as {@code linux/amd64} (stored). */
    public static final String PLATFORM = "platform";
    /** Layer diffIDs, lowest first (StringField, stored in order, + SortedSetDocValues). */
    public static final String DIFF_ID = "diff_id";
    /** Opaque report JSON (stored only). */
    public static final String REPORT = "report";
    /** The declared base image's name, digest and source ({@code DeclaredBase}; stored only, each when known). */
    public static final String BASE_NAME = "base_name";
    public static final String BASE_DIGEST = "base_digest";
    public static final String BASE_SOURCE = "base_source";

    // ---- layer documents: cached per-layer analysis
    /** Opaque per-layer analysis JSON (package findings), stored on layer docs only. */
    public static final String ANALYSIS = "analysis";

    // ---- package documents (one per package occurrence in an image; also carry IMAGE)
    /** Full package URL (StringField + SortedDocValues, stored). */
    public static final String PURL = "purl";
    /** Package URL without version, qualifiers and subpath, e.g. {@code pkg:maven/g/a} (StringField, stored). */
    public static final String PURL_BASE = "purl_base";
    /** Package type such as {@code deb}, {@code maven} (StringField, stored). */
    public static final String PKG_TYPE = "pkg_type";
    /** Package name (StringField, stored; Maven as {@code group:artifact}). */
    public static final String PKG_NAME = "pkg_name";
    /** Package version (stored). */
    public static final String PKG_VERSION = "pkg_version";
    /** Where the package was found, multi-valued (StringField, stored). */
    public static final String PKG_PATH = "pkg_path";
    /** DiffID of the layer that introduced the package (StringField, stored; not {@link #LAYER}, which keys layer content). */
    public static final String PKG_LAYER = "pkg_layer";
    /** Purl of the OS package owning a language package's files (stored). */
    public static final String PKG_OWNER = "pkg_owner";

    private IndexSchema() {
    }
}
