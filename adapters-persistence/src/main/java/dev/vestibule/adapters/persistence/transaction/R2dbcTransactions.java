package dev.vestibule.adapters.persistence.transaction;

import dev.vestibule.domain.port.out.Transactions;
import java.util.Objects;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * {@link Transactions} as Spring's reactive transactions on the R2DBC connection factory: every repository of
 * this adapter (they all use the one {@code DatabaseClient}) joins the transaction that the work runs in.
 */
public final class R2dbcTransactions implements Transactions {

    private final TransactionalOperator operator;

    public R2dbcTransactions(TransactionalOperator operator) {
        this.operator = Objects.requireNonNull(operator, "operator");
    }

    @Override
    public <T> Mono<T> inTransaction(Mono<T> work) {
        return operator.transactional(Objects.requireNonNull(work, "work"));
    }
}
