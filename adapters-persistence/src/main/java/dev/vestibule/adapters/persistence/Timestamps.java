package dev.vestibule.adapters.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** OffsetDateTime is the R2DBC type for TIMESTAMP WITH TIME ZONE: PostgreSQL and H2 both bind it. */
public final class Timestamps {

    private Timestamps() {}

    public static OffsetDateTime of(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
