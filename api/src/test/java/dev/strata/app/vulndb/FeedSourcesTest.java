package dev.strata.app.vulndb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedSourcesTest {
    @TempDir
    Path tmp;

    @Test
    void defaultsAreTheRealUpstreamLocations() {
        List<String> urls = FeedSources.defaults().stream().map(s -> s.name() + " " + s.url()).toList();
        assertThat(urls).startsWith(
                "osv-Maven https://osv-vulnerabilities.storage.googleapis.com/Maven/all.zip",
                "osv-npm https://osv-vulnerabilities.storage.googleapis.com/npm/all.zip",
                "osv-PyPI https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip",
                "osv-Go https://osv-vulnerabilities.storage.googleapis.com/Go/all.zip",
                "osv-crates.io https://osv-vulnerabilities.storage.googleapis.com/crates.io/all.zip",
                "osv-Debian https://osv-vulnerabilities.storage.googleapis.com/Debian/all.zip",
                "osv-Alpine https://osv-vulnerabilities.storage.googleapis.com/Alpine/all.zip",
                "debian-tracker https://security-tracker.debian.org/tracker/data/json",
                "alpine-v3.19-main https://secdb.alpinelinux.org/v3.19/main.json",
                "alpine-v3.19-community https://secdb.alpinelinux.org/v3.19/community.json");
        assertThat(urls).hasSize(7 + 1 + 2 * FeedSources.DEFAULT_ALPINE_RELEASES.size());
    }

    @Test
    void configRebuildsTheListOnAMirrorAndOverridesReplaceByName() throws Exception {
        Path config = Files.writeString(tmp.resolve("feeds.json"), "{\"osvBaseUrl\": \"http://mirror.local/osv\","
                + " \"debianTrackerUrl\": \"http://mirror.local/debian.json\", \"alpineSecdbBaseUrl\": \"http://mirror.local/alpine/\","
                + " \"alpineReleases\": [\"v3.20\"]}");
        List<FeedSource> sources = FeedSources.resolve(config,
                List.of(FeedSource.parse("osv-Go=http://other.local/go.zip"), FeedSource.parse("extra=https://x.local/a.zip")));
        assertThat(sources).extracting(s -> s.name() + " " + s.url()).containsExactly(
                "osv-Maven http://mirror.local/osv/Maven/all.zip", "osv-npm http://mirror.local/osv/npm/all.zip",
                "osv-PyPI http://mirror.local/osv/PyPI/all.zip", "osv-Go http://other.local/go.zip",
                "osv-crates.io http://mirror.local/osv/crates.io/all.zip", "osv-Debian http://mirror.local/osv/Debian/all.zip",
                "osv-Alpine http://mirror.local/osv/Alpine/all.zip", "debian-tracker http://mirror.local/debian.json",
                "alpine-v3.20-main http://mirror.local/alpine/v3.20/main.json",
                "alpine-v3.20-community http://mirror.local/alpine/v3.20/community.json", "extra https://x.local/a.zip");
    }

    @Test
    void badConfigAndSourcesAreNamedErrors() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"sources\": [{\"name\": \"x\", \"url\": \"ftp://h/x\"}]}");
        assertThatThrownBy(() -> FeedSources.resolve(bad, List.of())).hasMessage(
                "feed config " + bad + ": feed source x: not an http(s) URL: ftp://h/x");
        assertThatThrownBy(() -> FeedSource.parse("no-equals")).hasMessage("expected NAME=URL, got 'no-equals'");
        assertThatThrownBy(() -> new FeedSource("../up", URI.create("http://h/x")))
                .hasMessageContaining("bad feed source name '../up'");
    }
}
