package org.glossa.fsrs.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.glossa.fsrs.Rating;
import org.glossa.fsrs.ReviewLog;

/**
 * Reads a review log in CSV: a header naming at least {@code card_id}, {@code review_time} and
 * {@code review_rating} (others such as {@code review_duration} and {@code review_state} are allowed and ignored),
 * then one review per line. Times are ISO-8601 with an offset or epoch milliseconds; ratings 1..4, and 0 for manual
 * entries, which are not reviews and are skipped. Any malformed line fails the whole read, naming its line number.
 */
final class CsvReviewLog {

    /** A malformed log; the message names the line. */
    static final class MalformedLogException extends Exception {
        MalformedLogException(String message) {
            super(message);
        }
    }

    /** The reviews of a log, in file order, and how many manual entries were skipped. */
    record Parsed(List<ReviewLog.Entry> entries, int manualSkipped) {
    }

    private CsvReviewLog() {
    }

    static Parsed read(Reader input) throws IOException, MalformedLogException {
        BufferedReader reader = new BufferedReader(input);
        String headerLine = reader.readLine();
        if (headerLine == null) {
            throw new MalformedLogException("line 1: empty file, expected a header with card_id,review_time,"
                + "review_rating");
        }
        List<String> header = fields(stripBom(headerLine), 1);
        int cardColumn = column(header, "card_id");
        int timeColumn = column(header, "review_time");
        int ratingColumn = column(header, "review_rating");
        List<ReviewLog.Entry> entries = new ArrayList<>();
        int manual = 0;
        int lineNumber = 1;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            List<String> f = fields(line, lineNumber);
            if (f.size() < header.size()) {
                throw new MalformedLogException("line " + lineNumber + ": expected " + header.size()
                    + " fields, found " + f.size());
            }
            String cardId = f.get(cardColumn).trim();
            if (cardId.isEmpty()) {
                throw new MalformedLogException("line " + lineNumber + ": empty card_id");
            }
            Instant time = time(f.get(timeColumn).trim(), lineNumber);
            int grade = rating(f.get(ratingColumn).trim(), lineNumber);
            if (grade == 0) {
                manual++;
                continue;
            }
            entries.add(new ReviewLog.Entry(cardId, time, Rating.of(grade)));
        }
        return new Parsed(entries, manual);
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static int column(List<String> header, String name) throws MalformedLogException {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return i;
            }
        }
        throw new MalformedLogException("line 1: header has no column " + name + " (found " + header + ")");
    }

    private static Instant time(String text, int line) throws MalformedLogException {
        try {
            if (text.matches("-?\\d+")) {
                return Instant.ofEpochMilli(Long.parseLong(text));
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new MalformedLogException("line " + line + ": review_time '" + text
                + "' is neither ISO-8601 with an offset nor epoch milliseconds");
        }
    }

    private static int rating(String text, int line) throws MalformedLogException {
        try {
            int grade = Integer.parseInt(text);
            if (grade >= 0 && grade <= 4) {
                return grade;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new MalformedLogException("line " + line + ": review_rating '" + text + "' is not 0 (manual) to 4");
    }

    /** Splits one CSV line; double quotes may wrap a field and "" is a quote inside one. */
    static List<String> fields(String line, int lineNumber) throws MalformedLogException {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new MalformedLogException("line " + lineNumber + ": unterminated quoted field");
        }
        out.add(field.toString());
        return out;
    }
}
