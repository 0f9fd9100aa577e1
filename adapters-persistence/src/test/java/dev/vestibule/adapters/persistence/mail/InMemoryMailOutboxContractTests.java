package dev.vestibule.adapters.persistence.mail;

import dev.vestibule.application.fakes.InMemoryMailOutbox;
import dev.vestibule.application.fakes.InMemoryTransactions;
import dev.vestibule.domain.port.out.MailOutbox;
import dev.vestibule.domain.port.out.Transactions;

/** Keeps the application's fake honest: it must behave as the database adapter does. */
class InMemoryMailOutboxContractTests extends MailOutboxContract {

    private final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    private final InMemoryTransactions transactions = new InMemoryTransactions(outbox);

    @Override
    protected MailOutbox outbox() {
        return outbox;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
