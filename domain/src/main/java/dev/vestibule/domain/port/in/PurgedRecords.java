package dev.vestibule.domain.port.in;

/** How many rows one purge deleted, by kind. */
public record PurgedRecords(long securityEvents, long knownDevices, long rememberedDevices) {

    public long total() {
        return securityEvents + knownDevices + rememberedDevices;
    }
}
