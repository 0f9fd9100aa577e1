package dev.vestibule.architecture;

/** The package patterns the rules talk about, spelled once so that a rename breaks one place. */
final class Packages {

    static final String ROOT = "dev.vestibule";

    static final String MODEL = "dev.vestibule.domain.model..";
    static final String PORTS = "dev.vestibule.domain.port..";
    static final String PORTS_IN = "dev.vestibule.domain.port.in..";
    static final String PORTS_OUT = "dev.vestibule.domain.port.out..";
    static final String DOMAIN = "dev.vestibule.domain..";
    static final String APPLICATION = "dev.vestibule.application..";
    static final String ADAPTERS = "dev.vestibule.adapters..";
    static final String WEB = "dev.vestibule.adapters.web..";
    static final String PERSISTENCE = "dev.vestibule.adapters.persistence..";
    static final String REDIS = "dev.vestibule.adapters.redis..";
    static final String MEMORY = "dev.vestibule.adapters.memory..";
    static final String CRYPTO = "dev.vestibule.adapters.crypto..";
    static final String MAIL = "dev.vestibule.adapters.mail..";
    // issue 14: passkey
    static final String WEBAUTHN = "dev.vestibule.adapters.webauthn..";
    static final String BOOTSTRAP = "dev.vestibule.bootstrap..";

    /** Every adapter module's root package, for the rules that hold in each of them. */
    static final String[] ADAPTER_MODULES = {WEB, PERSISTENCE, REDIS, MEMORY, CRYPTO, MAIL, WEBAUTHN};

    static final String JDK = "java..";

    private Packages() {}
}
