package dev.vestibule.domain.port.in;

/** How many rows one purge deleted, by kind. */
public record PurgedRecords(long securityEvents, long knownBrowsers, long rememberedBrowsers) {

    public long total() {
        return securityEvents + knownBrowsers + rememberedBrowsers;
    }
}
