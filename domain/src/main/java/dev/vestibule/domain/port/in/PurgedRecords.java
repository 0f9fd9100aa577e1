package dev.vestibule.domain.port.in;

/** How many rows one purge deleted, by kind. */
public record PurgedRecords(long securityEvents, long knownBrowsers, long rememberedBrowsers, long linkTokens) {

    /** A purge that deleted no mailed links. */
    public PurgedRecords(long securityEvents, long knownBrowsers, long rememberedBrowsers) {
        this(securityEvents, knownBrowsers, rememberedBrowsers, 0);
    }

    public long total() {
        return securityEvents + knownBrowsers + rememberedBrowsers + linkTokens;
    }
}
