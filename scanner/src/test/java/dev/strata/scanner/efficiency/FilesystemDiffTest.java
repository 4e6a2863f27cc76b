package dev.strata.scanner.efficiency;

import dev.strata.scanner.layer.EntryType;
import dev.strata.scanner.layer.LayerEntry;
import dev.strata.scanner.union.UnionFilesystem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.strata.scanner.efficiency.EfficiencyCalculatorTest.*;
import static org.assertj.core.api.Assertions.assertThat;

class FilesystemDiffTest {
    @Test
    void addedRemovedAndChangedByPathAndHash() {
        UnionFilesystem a = new UnionFilesystem();
        a.apply(List.of(dir("/etc"), file("/etc/same", "same"), file("/etc/old", "old!"), file("/etc/conf", "v1"),
                new LayerEntry("/bin/sh", EntryType.SYMLINK, 0, 0777, 0, 0, 0, "busybox", null)));
        UnionFilesystem b = new UnionFilesystem();
        b.apply(List.of(new LayerEntry("/etc", EntryType.DIRECTORY, 0, 0700, 0, 0, 0, null, null),
                file("/etc/same", "same"), file("/etc/conf", "v22"), file("/etc/new", "new file"),
                new LayerEntry("/bin/sh", EntryType.SYMLINK, 0, 0777, 0, 0, 0, "dash", null)));

        FilesystemDiff.Result r = FilesystemDiff.compare(a.paths(), b.paths(), 10);

        assertThat(r.added()).isEqualTo(1);
        assertThat(r.addedBytes()).isEqualTo(8);
        assertThat(r.addedPaths()).extracting(FilesystemDiff.Change::path).containsExactly("/etc/new");
        assertThat(r.removed()).isEqualTo(1);
        assertThat(r.removedBytes()).isEqualTo(4);
        assertThat(r.removedPaths().get(0).fromSha256()).isEqualTo(sha("old!"));
        assertThat(r.changed()).isEqualTo(2);
        assertThat(r.changedPaths()).extracting(FilesystemDiff.Change::path).containsExactly("/bin/sh", "/etc/conf");
        FilesystemDiff.Change conf = r.changedPaths().get(1);
        assertThat(conf.fromSha256()).isEqualTo(sha("v1"));
        assertThat(conf.toSha256()).isEqualTo(sha("v22"));
        assertThat(conf.toSize()).isEqualTo(3L);

        FilesystemDiff.Result limited = FilesystemDiff.compare(a.paths(), b.paths(), 1);
        assertThat(limited.changed()).isEqualTo(2);
        assertThat(limited.changedPaths()).hasSize(1);
    }
}
