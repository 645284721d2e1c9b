package org.careergraph.notification.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class ManageTokensTest {

    @Test
    void aTokenIs32RandomBytesInBase64Url() {
        String token = ManageTokens.newToken();
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
        assertEquals(32, Base64.getUrlDecoder().decode(token).length);
        assertNotEquals(token, ManageTokens.newToken());
    }

    @Test
    void onlyTheSameTokenMatchesItsHash() {
        String token = ManageTokens.newToken();
        byte[] stored = ManageTokens.hash(token);
        assertEquals(32, stored.length);
        assertTrue(ManageTokens.matches(token, stored));
        assertFalse(ManageTokens.matches(ManageTokens.newToken(), stored));
        assertFalse(ManageTokens.matches(token + "x", stored));
        assertFalse(ManageTokens.matches(null, stored));
        assertFalse(ManageTokens.matches("", stored));
    }
}
