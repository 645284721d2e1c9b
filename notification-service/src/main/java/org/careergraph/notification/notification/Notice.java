package org.careergraph.notification.notification;

import org.careergraph.notification.occupation.Occupation;

/** What an event means for one occupation: told to every subscription watching it by id or by a prefix of its code. */
record Notice(Occupation occupation, Message message) {
}
