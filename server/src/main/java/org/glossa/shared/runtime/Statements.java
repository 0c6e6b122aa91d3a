package org.glossa.shared.runtime;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;

/**
 * Statements to run one after the other, given to {@link Database#run}: on PostgreSQL they go in one round trip (one
 * prepared statement holding them all, separated by semicolons, which the driver sends with a single sync), on H2 one
 * by one. Each gives its update count, or what its extractor made of its rows. Parameters are positional ({@code ?}).
 */
public final class Statements {

    private record Statement(String sql, List<Object> params, ResultSetExtractor<?> rows) {
    }

    private final List<Statement> statements = new ArrayList<>();

    /** Adds a statement whose update count is its result; returns its index among the results. */
    public int update(String sql, Object... params) {
        return add(new Statement(sql, Arrays.asList(params), null));
    }

    /** Adds a query whose result is what {@code rows} makes of its rows; returns its index among the results. */
    public int query(String sql, ResultSetExtractor<?> rows, Object... params) {
        return add(new Statement(sql, Arrays.asList(params), rows));
    }

    /**
     * Adds a query, as {@link #query}, and returns its result to come: how another module offers a read that goes in
     * its caller's round trip.
     */
    public <T> Pending<T> read(String sql, ResultSetExtractor<T> rows, Object... params) {
        return new Pending<>(query(sql, rows, params));
    }

    /** A query's result once its batch has run: {@link #of} the batch's results. */
    public record Pending<T>(int index) {

        @SuppressWarnings("unchecked")
        public T of(List<Object> results) {
            return (T) results.get(index);
        }
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }

    int size() {
        return statements.size();
    }

    private int add(Statement statement) {
        if (statement.sql().strip().endsWith(";")) {
            throw new IllegalArgumentException("A statement of a batch must not end with a semicolon: " + statement.sql());
        }
        statements.add(statement);
        return statements.size() - 1;
    }

    /** Appends {@code later}'s statements after these. */
    void addAll(Statements later) {
        statements.addAll(later.statements);
    }

    /** Runs them in one round trip ({@code together}, PostgreSQL) or one by one; the results in their order. */
    List<Object> run(JdbcTemplate jdbc, boolean together) {
        if (statements.isEmpty()) {
            return List.of();
        }
        if (!together || statements.size() == 1) {
            List<Object> results = new ArrayList<>(statements.size());
            for (Statement statement : statements) {
                results.add(jdbc.execute(statement.sql(), (PreparedStatement ps) -> {
                    bind(ps, 1, statement.params());
                    return result(ps, ps.execute(), statement);
                }));
            }
            return results;
        }
        String sql = String.join(";\n", statements.stream().map(Statement::sql).toList());
        return jdbc.execute(sql, (PreparedStatement ps) -> {
            int index = 1;
            for (Statement statement : statements) {
                index = bind(ps, index, statement.params());
            }
            List<Object> results = new ArrayList<>(statements.size());
            boolean rows = ps.execute();
            for (Statement statement : statements) {
                results.add(result(ps, rows, statement));
                rows = ps.getMoreResults();
            }
            return results;
        });
    }

    private static int bind(PreparedStatement ps, int from, List<Object> params) throws SQLException {
        int index = from;
        for (Object param : params) {
            StatementCreatorUtils.setParameterValue(ps, index++, SqlTypeValue.TYPE_UNKNOWN, param);
        }
        return index;
    }

    private static Object result(PreparedStatement ps, boolean rows, Statement statement) throws SQLException {
        if (rows != (statement.rows() != null)) {
            throw new IllegalStateException((rows ? "Rows" : "No rows") + " from the statement " + statement.sql());
        }
        if (!rows) {
            return ps.getUpdateCount();
        }
        try (ResultSet resultSet = ps.getResultSet()) {
            return statement.rows().extractData(resultSet);
        }
    }
}
