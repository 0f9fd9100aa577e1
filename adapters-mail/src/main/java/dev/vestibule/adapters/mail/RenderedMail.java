package dev.vestibule.adapters.mail;

/** A mail as written for its reader: the subject, the plain-text part and the HTML part. */
record RenderedMail(String subject, String text, String html) {

    /** Never the parts: they may carry a link with a token. */
    @Override
    public String toString() {
        return "RenderedMail[subject=" + subject + "]";
    }
}
