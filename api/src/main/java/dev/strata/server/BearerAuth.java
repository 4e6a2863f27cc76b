package dev.strata.server;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Checks {@code Authorization: Bearer TOKEN} against the configured tokens: reads (GET) need the read role,
 * everything else the scan role. An open server lets every request through.
 */
final class BearerAuth implements Handler<RoutingContext> {
    private final List<ApiToken> tokens;
    private final boolean open;

    BearerAuth(List<ApiToken> tokens, boolean open) {
        this.tokens = List.copyOf(tokens);
        this.open = open;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (open) {
            ctx.next();
            return;
        }
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"strata\"");
            throw new ApiError(401, "unauthorized", "this API needs a bearer token (Authorization: Bearer TOKEN)");
        }
        ApiToken token = find(header.substring(7).strip());
        if (token == null) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"strata\", error=\"invalid_token\"");
            throw new ApiError(401, "unauthorized", "unknown bearer token");
        }
        Role needed = ctx.request().method() == HttpMethod.GET || ctx.request().method() == HttpMethod.HEAD
                ? Role.READ : Role.SCAN;
        if (!token.role().allows(needed)) {
            throw new ApiError(403, "forbidden", "token '" + (token.name() == null ? "?" : token.name())
                    + "' has role read; this request needs role scan");
        }
        ctx.next();
    }

    /** The token with this secret, compared in constant time; null if none. */
    private ApiToken find(String secret) {
        byte[] given = secret.getBytes(StandardCharsets.UTF_8);
        ApiToken found = null;
        for (ApiToken t : tokens) {
            if (MessageDigest.isEqual(given, t.token().getBytes(StandardCharsets.UTF_8))) {
                found = t;
            }
        }
        return found;
    }
}
