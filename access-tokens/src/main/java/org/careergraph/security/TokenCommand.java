package org.careergraph.security;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Admin and editor tokens for an installation without an identity provider (docs/operations.md, "Admin tokens"):
 *
 * <pre>
 * mint --subject alice --role ADMIN [--role EDITOR] --valid P30D
 *     prints jti=, expires= and token= lines: a local token signed with JWT_SECRET
 * revoke &lt;jti&gt; [&lt;jti&gt; ...]
 *     prints REVOKED_TOKEN_IDS=: the list in the environment variable REVOKED_TOKEN_IDS with these ids added
 * </pre>
 *
 * The secret is read from the environment variable JWT_SECRET only: a command line is visible to every user of the
 * machine (ps, /proc).
 */
public final class TokenCommand {

    /** Long-lived admin tokens are what revocation is for; a year is the longest one may be minted for. */
    static final Duration LONGEST = Duration.ofDays(366);
    /** A token id goes into a comma list: no commas, no spaces. */
    private static final Pattern TOKEN_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    static final int USAGE = 2;

    private TokenCommand() {
    }

    public static void main(String[] args) {
        int status = run(args, System.getenv(), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0) {
                throw new UsageException("no command");
            }
            List<String> rest = List.of(args).subList(1, args.length);
            switch (args[0]) {
                case "mint" -> mint(rest, env, out);
                case "revoke" -> revoke(rest, env, out);
                default -> throw new UsageException("unknown command " + args[0]);
            }
            return 0;
        } catch (UsageException e) {
            err.println("token: " + e.getMessage());
            err.println("""
                    usage: mint --subject NAME --role ADMIN|EDITOR [--role ...] --valid DURATION (ISO 8601: P30D, PT12H)
                           revoke JTI [JTI ...]
                    JWT_SECRET (mint) and REVOKED_TOKEN_IDS (revoke, the current list) come from the environment.""");
            return USAGE;
        }
    }

    private static void mint(List<String> args, Map<String, String> env, PrintStream out) {
        String subject = null;
        Duration valid = null;
        Set<String> roles = new LinkedHashSet<>();
        for (int i = 0; i < args.size(); i += 2) {
            String option = args.get(i);
            if (i + 1 >= args.size()) {
                throw new UsageException(option + " needs a value");
            }
            String value = args.get(i + 1);
            switch (option) {
                case "--subject" -> subject = value.strip();
                case "--role" -> {
                    if (!Roles.ALL.contains(value)) {
                        throw new UsageException("role " + value + ": the roles are " + Roles.ALL);
                    }
                    roles.add(value);
                }
                case "--valid" -> valid = duration(value);
                default -> throw new UsageException("unknown option " + option
                        + (option.contains("secret") ? " (the secret is read from JWT_SECRET only)" : ""));
            }
        }
        if (subject == null || subject.isEmpty()) {
            throw new UsageException("--subject is required: who the token is for");
        }
        if (roles.isEmpty()) {
            throw new UsageException("at least one --role is required");
        }
        if (valid == null) {
            throw new UsageException("--valid is required, e.g. P30D");
        }
        String secret = env.get("JWT_SECRET");
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < AccessTokens.MIN_SECRET_BYTES) {
            throw new UsageException("JWT_SECRET must be set in the environment, at least "
                    + AccessTokens.MIN_SECRET_BYTES + " bytes (the services' secret)");
        }
        AccessTokens.Minted minted = AccessTokens.mint(secret, subject, List.copyOf(roles), valid);
        out.println("jti=" + minted.id());
        out.println("expires=" + minted.expiresAt());
        out.println("token=" + minted.token());
    }

    private static Duration duration(String text) {
        Duration valid;
        try {
            valid = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException("--valid " + text + " is not an ISO 8601 duration such as P30D or PT12H");
        }
        if (valid.isNegative() || valid.isZero() || valid.compareTo(LONGEST) > 0) {
            throw new UsageException("--valid must be more than nothing and at most " + LONGEST.toDays() + " days");
        }
        return valid;
    }

    private static void revoke(List<String> ids, Map<String, String> env, PrintStream out) {
        if (ids.isEmpty()) {
            throw new UsageException("revoke needs the jti of at least one token");
        }
        Set<String> revoked = new LinkedHashSet<>();
        String current = env.getOrDefault("REVOKED_TOKEN_IDS", "");
        for (String id : current.split(",")) {
            if (!id.isBlank()) {
                revoked.add(id.strip());
            }
        }
        List<String> added = new ArrayList<>();
        for (String id : ids) {
            if (!TOKEN_ID.matcher(id).matches()) {
                throw new UsageException(id + " is not a token id (the jti= line mint printed)");
            }
            if (revoked.add(id)) {
                added.add(id);
            }
        }
        out.println("REVOKED_TOKEN_IDS=" + String.join(",", revoked));
        if (added.isEmpty()) {
            out.println("# already revoked: nothing to change");
        }
    }

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
