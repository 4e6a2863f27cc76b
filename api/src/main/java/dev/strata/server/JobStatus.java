package dev.strata.server;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where a scan job is: waiting for a worker, being scanned, or finished with a report or an error. */
public enum JobStatus {
    QUEUED, RUNNING, DONE, FAILED;

    public boolean finished() {
        return this == DONE || this == FAILED;
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
