package dev.strata.scanner.sbom;

import dev.strata.scanner.gate.AssessedFinding;
import dev.strata.scanner.gate.PurlMatch;
import dev.strata.scanner.gate.Suppression;
import dev.strata.scanner.report.format.AdvisoryLinks;
import dev.strata.scanner.vuln.match.Finding;
import dev.strata.scanner.vuln.match.FindingStatus;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.vulnerability.Vulnerability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The findings as CycloneDX {@code vulnerabilities[]} (the VEX form): one entry per advisory and assessment, its
 * {@code affects[]} pointing at the components' bom-refs. A VEX suppression becomes {@code analysis.state}
 * ({@code not_affected} with the justification mapped to CycloneDX's labels, or {@code resolved}); an ignore-file
 * suppression becomes {@code analysis.response: will_not_fix} with the reason; fixable findings get
 * {@code response: update} and a recommendation.
 */
final class CycloneDxVulnerabilities {

    private CycloneDxVulnerabilities() {
    }

    static List<Vulnerability> of(List<SbomPackage> packages, List<AssessedFinding> findings) {
        Map<List<Object>, Vulnerability> entries = new LinkedHashMap<>();
        for (AssessedFinding a : findings) {
            Finding f = a.finding();
            List<Object> key = java.util.Arrays.asList(f.id(), a.suppressedBy(), f.fixedVersion());
            Vulnerability v = entries.computeIfAbsent(key, k -> entry(a));
            String ref = ref(packages, f);
            if (v.getAffects() == null || v.getAffects().stream().noneMatch(x -> x.getRef().equals(ref))) {
                Vulnerability.Affect affect = new Vulnerability.Affect();
                affect.setRef(ref);
                Vulnerability.Version version = new Vulnerability.Version();
                version.setVersion(f.installedVersion());
                version.setStatus(Vulnerability.Version.Status.AFFECTED);
                affect.addVersion(version);
                List<Vulnerability.Affect> affects = v.getAffects() == null ? new ArrayList<>()
                        : new ArrayList<>(v.getAffects());
                affects.add(affect);
                v.setAffects(affects);
            }
        }
        return List.copyOf(entries.values());
    }

    private static Vulnerability entry(AssessedFinding a) {
        Finding f = a.finding();
        Vulnerability v = new Vulnerability();
        v.setId(f.id());
        Vulnerability.Source source = new Vulnerability.Source();
        source.setName(AdvisoryLinks.source(f.id()));
        source.setUrl(AdvisoryLinks.url(f.id()));
        v.setSource(source);
        for (String alias : f.aliases()) {
            Vulnerability.Reference reference = new Vulnerability.Reference();
            reference.setId(alias);
            Vulnerability.Source s = new Vulnerability.Source();
            s.setName(AdvisoryLinks.source(alias));
            s.setUrl(AdvisoryLinks.url(alias));
            reference.setSource(s);
            v.addReference(reference);
        }
        Vulnerability.Rating rating = new Vulnerability.Rating();
        rating.setSeverity(switch (f.severity()) {
            case CRITICAL -> Vulnerability.Rating.Severity.CRITICAL;
            case HIGH -> Vulnerability.Rating.Severity.HIGH;
            case MEDIUM -> Vulnerability.Rating.Severity.MEDIUM;
            case LOW -> Vulnerability.Rating.Severity.LOW;
            case UNKNOWN -> Vulnerability.Rating.Severity.UNKNOWN;
        });
        rating.setMethod(Vulnerability.Rating.Method.OTHER);
        v.addRating(rating);
        if (f.title() != null) {
            v.setDescription(f.title());
        }
        if (f.status() == FindingStatus.FIXED) {
            v.setRecommendation("Upgrade " + f.packageName() + " to " + f.fixedVersion() + " or later.");
        }
        v.setAnalysis(analysis(a));
        List<Property> properties = new ArrayList<>();
        properties.add(new Property("strata:status", f.status().name().toLowerCase(java.util.Locale.ROOT)));
        if (a.suppressedBy() != null) {
            properties.add(new Property("strata:suppressedBy", a.suppressedBy().kind() + " "
                    + a.suppressedBy().source()));
        }
        v.setProperties(properties);
        return v;
    }

    private static Vulnerability.Analysis analysis(AssessedFinding a) {
        Vulnerability.Analysis analysis = new Vulnerability.Analysis();
        Suppression s = a.suppressedBy();
        if (s instanceof Suppression.ByVex vex) {
            if (vex.status().equals("fixed")) {
                analysis.setState(Vulnerability.Analysis.State.RESOLVED);
            } else {
                analysis.setState(Vulnerability.Analysis.State.NOT_AFFECTED);
                Vulnerability.Analysis.Justification j = justification(vex.justification());
                if (j != null) {
                    analysis.setJustification(j);
                }
            }
            analysis.setDetail(vex.reason() + " [" + vex.source() + "]");
        } else if (s instanceof Suppression.ByIgnoreRule ignore) {
            analysis.addResponse(Vulnerability.Analysis.Response.WILL_NOT_FIX);
            analysis.setDetail("Ignored by " + ignore.source()
                    + (ignore.expires() != null ? " until " + ignore.expires() : "") + ": " + ignore.reason());
        } else {
            FindingStatus status = a.finding().status();
            analysis.setState(Vulnerability.Analysis.State.EXPLOITABLE);
            analysis.addResponse(status == FindingStatus.FIXED ? Vulnerability.Analysis.Response.UPDATE
                    : status == FindingStatus.WONT_FIX ? Vulnerability.Analysis.Response.WILL_NOT_FIX
                    : Vulnerability.Analysis.Response.CAN_NOT_FIX);
        }
        return analysis;
    }

    /** OpenVEX (and CycloneDX) justification labels as CycloneDX's; null for an unknown one (kept in detail). */
    static Vulnerability.Analysis.Justification justification(String label) {
        if (label == null) {
            return null;
        }
        return switch (label) {
            case "component_not_present", "vulnerable_code_not_present", "code_not_present" ->
                    Vulnerability.Analysis.Justification.CODE_NOT_PRESENT;
            case "vulnerable_code_not_in_execute_path", "code_not_reachable" ->
                    Vulnerability.Analysis.Justification.CODE_NOT_REACHABLE;
            case "vulnerable_code_cannot_be_controlled_by_adversary", "requires_environment" ->
                    Vulnerability.Analysis.Justification.REQUIRES_ENVIRONMENT;
            case "inline_mitigations_already_exist", "protected_by_mitigating_control" ->
                    Vulnerability.Analysis.Justification.PROTECTED_BY_MITIGATING_CONTROL;
            default -> {
                for (Vulnerability.Analysis.Justification j : Vulnerability.Analysis.Justification.values()) {
                    if (j.getJustificationName().equals(label)) {
                        yield j;
                    }
                }
                yield null;
            }
        };
    }

    /** The bom-ref of the finding's component: same purl and path, else same purl, else the purl itself. */
    private static String ref(List<SbomPackage> packages, Finding f) {
        SbomPackage byPurl = null;
        String purl = PurlMatch.canonical(f.packagePurl());
        for (SbomPackage p : packages) {
            if (Objects.equals(PurlMatch.canonical(p.purl()), purl)) {
                if (f.path() != null && p.installed().pkg().paths().contains(f.path())) {
                    return p.ref();
                }
                if (byPurl == null) {
                    byPurl = p;
                }
            }
        }
        return byPurl != null ? byPurl.ref() : f.packagePurl();
    }
}
