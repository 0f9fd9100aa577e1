package dev.vestibule.domain.model.digest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Sha256Tests {

    /** FIPS 180-2's first example: SHA-256("abc"). */
    private static final String ABC_HEX = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void hexIsTheStandardDigest() {
        assertThat(Sha256.hex("abc")).isEqualTo(ABC_HEX);
    }

    @Test
    void base64UrlIsTheSameDigestUnpadded() {
        assertThat(Sha256.base64Url("abc")).isEqualTo("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
    }

    /** The bytes C3 BC ("ü" in UTF-8), as coreutils' sha256sum hashes them. */
    @Test
    void theTextIsHashedAsUtf8() {
        assertThat(Sha256.hex("ü")).isEqualTo("607474ca475a9724d7360aba71a56d5df77e61350e3f724cfa1f46e857e2d85f");
    }
}
