package dev.strata.scanner.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A registry user name and password, or an OAuth2 identity (refresh) token as {@code docker login} stores it
 * ({@code identitytoken} in {@code config.json}, or a credential helper's {@code Username: "<token>"});
 * {@link #toString()} never shows a secret.
 */
public record Credentials(String username, String password, String identityToken) {
    /** What a credential helper answers as user name when its Secret is an identity token. */
    public static final String TOKEN_USERNAME = "<token>";

    public Credentials {
        if (username == null || password == null) {
            throw new IllegalArgumentException("credentials need both a user name and a password");
        }
        if (identityToken != null && identityToken.isEmpty()) {
            identityToken = null;
        }
    }

    /** A user name and password. */
    public Credentials(String username, String password) {
        this(username, password, null);
    }

    /** An identity token, with the account name it belongs to ({@code ""} when unknown). */
    public static Credentials ofIdentityToken(String username, String identityToken) {
        if (identityToken == null || identityToken.isEmpty()) {
            throw new IllegalArgumentException("an identity token must not be empty");
        }
        return new Credentials(TOKEN_USERNAME.equals(username) ? "" : username, "", identityToken);
    }

    /** True when this holds an identity token (the OAuth2 refresh-token grant is used). */
    public boolean hasIdentityToken() {
        return identityToken != null;
    }

    /** The {@code Authorization} header value for HTTP Basic (with an identity token: user name and token). */
    public String basicHeader() {
        String secret = hasIdentityToken() ? identityToken : password;
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + secret)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Names these credentials in messages, without the secret. */
    public String describe() {
        if (hasIdentityToken()) {
            return username.isEmpty() ? "the identity token" : "the identity token of user '" + username + "'";
        }
        return "the credentials of user '" + username + "'";
    }

    @Override
    public String toString() {
        return "Credentials[" + username + ", ****" + (hasIdentityToken() ? ", identity token ****" : "") + "]";
    }
}
