package dev.strata.scanner.efficiency;

import dev.strata.scanner.layer.LayerEntry;

import java.util.List;

/** Input of the efficiency calculation: one layer's diffID, uncompressed tar size and entries in tar order. */
public record EfficiencyLayer(String diffId, long size, List<LayerEntry> entries) {
}
