package org.careergraph.notification.notification;

/** What an event means for one occupation: told to every subscription watching it. */
record Notice(String occupationId, String titleEn, String titleZh, Message message) {
}
