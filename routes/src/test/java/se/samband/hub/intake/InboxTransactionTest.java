package se.samband.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The open inbox transaction's bookkeeping, without a broker: what a commit runs and what a rollback forgets. */
class InboxTransactionTest {
    private final InboxTransaction transaction = new InboxTransaction();
    private final List<String> ran = new ArrayList<>();

    @AfterEach
    void unbind() {
        InboxTransaction.bind(new InboxTransaction());
    }

    @Test
    void aCommitRunsEveryCallbackOnceEvenWhenOneFailsAndStartsEmpty() {
        UUID noticeId = UUID.randomUUID();
        transaction.received();
        transaction.received();
        transaction.dispatched(noticeId);
        transaction.afterCommit(() -> ran.add("first"));
        transaction.afterCommit(() -> {
            throw new IllegalStateException("metrics unavailable (test)");
        });
        transaction.afterCommit(() -> ran.add("third"));
        transaction.afterRollback(() -> ran.add("after rollback"));

        transaction.committed();
        transaction.committed();
        transaction.rolledBack();

        assertThat(ran).containsExactly("first", "third");
        assertThat(transaction.messages()).isZero();
        assertThat(transaction.holdsDispatchOf(noticeId)).isFalse();
    }

    @Test
    void aRollbackRunsItsOwnCallbacksOnceAndDropsTheRestAndTheDispatchedIds() {
        UUID noticeId = UUID.randomUUID();
        transaction.received();
        transaction.dispatched(noticeId);
        transaction.afterCommit(() -> ran.add("after commit"));
        transaction.afterRollback(() -> {
            throw new IllegalStateException("metrics unavailable (test)");
        });
        transaction.afterRollback(() -> ran.add("after rollback"));

        assertThat(transaction.holdsDispatchOf(noticeId)).isTrue();
        transaction.rolledBack();
        transaction.rolledBack();
        transaction.committed();

        assertThat(ran).containsExactly("after rollback");
        assertThat(transaction.holdsDispatchOf(noticeId)).isFalse();
        assertThat(transaction.messages()).isZero();
    }

    @Test
    void theBoundTransactionIsSeenOnlyOnItsThread() throws Exception {
        UUID noticeId = UUID.randomUUID();
        transaction.dispatched(noticeId);
        InboxTransaction.bind(transaction);

        assertThat(InboxTransaction.current().holdsDispatchOf(noticeId)).isTrue();
        assertThat(CompletableFuture.supplyAsync(() -> InboxTransaction.current().holdsDispatchOf(noticeId)).get())
                .as("a thread that runs no inbox message, such as the REST API's").isFalse();
    }
}
