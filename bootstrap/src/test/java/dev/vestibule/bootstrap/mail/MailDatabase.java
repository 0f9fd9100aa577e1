package dev.vestibule.bootstrap.mail;

import dev.vestibule.adapters.persistence.testing.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL database of the mail suite's own: the instances every other suite shares deliver the outbox
 * too (to the log), and would take these tests' mails.
 */
public final class MailDatabase implements AutoCloseable {

    private final PostgresTestDatabase database = PostgresTestDatabase.create();

    public String[] springArguments() {
        return database.springProperties().entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
    }

    /** One row of the outbox per recipient: status/attempts/last_error/link, in queue order. */
    public List<String> outboxRows(String recipient) {
        List<String> rows = new ArrayList<>();
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT status, attempts, last_error, link FROM mail_outbox WHERE recipient = ? ORDER BY id")) {
            statement.setString(1, recipient);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1) + "/" + result.getInt(2) + "/" + result.getString(3) + "/"
                            + (result.getString(4) == null ? "no link" : "link"));
                }
            }
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
        return rows;
    }

    public long count(String sql) {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** Runs SQL against this database, as an administrator would (e.g. ageing a link past its expiry). */
    public int execute(String sql, Object... parameters) {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** A single number from this database, e.g. a count. */
    public long queryForLong(String sql, Object... parameters) {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** The rows of a query with parameters, each column as text (null stays null). */
    public List<List<String>> rows(String sql, Object... parameters) {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> row = new ArrayList<>();
                    for (int column = 1; column <= columns; column++) {
                        row.add(result.getString(column));
                    }
                    rows.add(row);
                }
            }
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
        return rows;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    @Override
    public void close() {
        database.close();
    }
}
