package dev.kitty.platform.messaging;

import java.net.ConnectException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Failures that say nothing about the event, only about the moment: the database is unreachable, a connection could not
 * be had, a lock timed out. An event that failed for such a reason would succeed later; sending it to the dead-letter
 * topic after a few quick retries would skip it for good (found by fault scenario F7: a consumer's database gone for
 * 30 s dead-lettered every event of those 30 s). Such events are retried until the failure passes, and the partition
 * waits, as it must: the next event needs the same database.
 */
final class TransientFailures {

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException || cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

}
