package dev.vestibule.domain.model.session;

/**
 * The names under which a signed-in web session keeps what the session stores need to list it: written by
 * the web adapter at sign-in, read by the session store adapters (Redis, memory) for the sessions page.
 * Values are Strings (JSON-safe); instants in ISO-8601.
 */
public final class SessionAttributes {

    /** The signed-in user's id. */
    public static final String USER_ID = "vestibule.userId";
    /** When the user signed in. */
    public static final String SIGNED_IN_AT = "vestibule.signedInAt";
    /** The user's security stamp at sign-in. */
    public static final String SECURITY_STAMP = "vestibule.securityStamp";
    /** The browser's User-Agent at sign-in, as reported by the browser. */
    public static final String USER_AGENT = "vestibule.userAgent";
    /** The client address at sign-in. */
    public static final String CLIENT_ADDRESS = "vestibule.clientAddress";
    /** The {@link Handle} of the remember-me series that opened or was issued to this session, if any. */
    public static final String REMEMBERED_BROWSER = "vestibule.rememberedBrowser";
    /**
     * The factors the sign-in rests on and when each was given, as {@code SignInFactors.serialized()}: what the
     * sessions page shows as "password + app" or "passkey".
     */
    public static final String SIGN_IN_FACTORS = "vestibule.signInFactors";

    private SessionAttributes() {}
}
