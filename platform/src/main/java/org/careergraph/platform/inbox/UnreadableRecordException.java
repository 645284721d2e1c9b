package org.careergraph.platform.inbox;

/** A record that is not a CloudEvent, or whose data does not bind to its contract record: it can never succeed. */
class UnreadableRecordException extends Exception {

    UnreadableRecordException(Throwable cause) {
        super(cause.toString(), cause);
    }
}
