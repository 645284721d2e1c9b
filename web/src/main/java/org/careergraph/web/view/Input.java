package org.careergraph.web.view;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The strict reading of what a reader sends: percent-encoded text must be UTF-8 (a lone surrogate such as
 * {@code %ED%A0%80} is not), and text meant as one line (an address, an email, a token, a title) holds no control
 * character. The lenient decoders turn such input into U+FFFD or pass it on; here it is refused, so that nothing of
 * the kind reaches a service.
 */
public final class Input {

    private Input() {
    }

    /**
     * Percent-encoded text ({@code a%20b}, {@code +} for a space where {@code plusIsSpace}) decoded as UTF-8; empty
     * when an escape is broken or the bytes are no UTF-8.
     */
    public static Optional<String> decode(String encoded, boolean plusIsSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    return Optional.empty();
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                // Raw text beyond ASCII (a body typed by hand): its own UTF-8, read back strictly below.
                int end = Character.isHighSurrogate(c) && i + 1 < encoded.length() ? i + 2 : i + 1;
                Optional<byte[]> raw = utf8(encoded.substring(i, end));
                if (raw.isEmpty()) {
                    return Optional.empty();
                }
                bytes.writeBytes(raw.get());
                i = end - 1;
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static Optional<byte[]> utf8(String text) {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return Optional.of(bytes);
        } catch (CharacterCodingException e) {
            return Optional.empty(); // a lone surrogate
        }
    }

    /** One line of text: no control character (tab and line breaks included) and no lone surrogate. */
    public static boolean isOneLine(String text) {
        return isText(text, false);
    }

    /** Text of several lines (a JSON document, a note): line breaks and tabs, but no other control character. */
    public static boolean isText(String text) {
        return isText(text, true);
    }

    private static boolean isText(String text, boolean lines) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && !(lines && (c == '\n' || c == '\r' || c == '\t'))) {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
