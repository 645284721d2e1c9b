package org.careergraph.catalog.release;

import io.micronaut.core.annotation.Nullable;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.careergraph.platform.web.Problem.FieldError;

/**
 * A publisher's CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF) or tab-separated file (O*NET: no quoting),
 * read as strict UTF-8 with a header row. Rows are numbered as a spreadsheet numbers them: the header is row 1, and a
 * quoted cell over several lines is still one row.
 */
final class DelimitedFile {

    /** Past this many, a broken file's errors are summed up rather than listed. */
    static final int MAX_ERRORS = 20;

    private final String name;
    private final List<String> header;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<Row> rows;
    private final List<FieldError> errors = new ArrayList<>();

    private DelimitedFile(String name, List<String> header, List<Row> rows) {
        this.name = name;
        this.header = header;
        this.rows = rows;
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).strip(), i);
        }
    }

    static DelimitedFile csv(String name, byte[] bytes) {
        return read(name, bytes, ',', true);
    }

    static DelimitedFile tsv(String name, byte[] bytes) {
        return read(name, bytes, '\t', false);
    }

    private static DelimitedFile read(String name, byte[] bytes, char separator, boolean quoted) {
        String text = decode(name, bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean inQuotes = false;
        int row = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    inQuotes = false;
                } else {
                    cell.append(c);
                }
            } else if (quoted && c == '"' && cell.isEmpty()) {
                inQuotes = true;
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                rows.add(new Row(++row, List.copyOf(cells)));
                cells.clear();
            } else {
                cell.append(c);
            }
        }
        if (inQuotes) {
            throw ReleaseFileException.of(name + ", row " + (row + 1), "has a quoted field that never ends");
        }
        if (!cell.isEmpty() || !cells.isEmpty()) {
            cells.add(cell.toString());
            rows.add(new Row(++row, List.copyOf(cells)));
        }
        rows.removeIf(Row::isBlank);
        if (rows.isEmpty()) {
            throw ReleaseFileException.of(name, "is empty: no header row");
        }
        DelimitedFile file = new DelimitedFile(name, rows.get(0).cells(), List.copyOf(rows.subList(1, rows.size())));
        // A row cut short (a truncated download) or with a stray separator would read as cells that are not there.
        int columns = file.header.size();
        for (Row data : file.rows) {
            if (data.cells().size() != columns) {
                file.errors.add(new FieldError(name + ", row " + data.number(), "has " + data.cells().size()
                        + " cells; the header has " + columns + " (a row cut short, or a stray separator)"));
                if (file.errors.size() == MAX_ERRORS) {
                    break;
                }
            }
        }
        file.check();
        return file;
    }

    /** Strict UTF-8: a file in another encoding is refused, naming the row of its first bad byte. */
    private static String decode(String name, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            CharBuffer out = CharBuffer.allocate(bytes.length);
            decoder.reset().decode(in, out, true);
            int row = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    row++;
                }
            }
            throw ReleaseFileException.of(name + ", row " + row,
                    "is not UTF-8 (byte " + (in.position() + 1) + "); save the file as UTF-8 as the publisher ships it");
        }
    }

    String name() {
        return name;
    }

    List<String> header() {
        return header;
    }

    List<Row> rows() {
        return rows;
    }

    /** Every named column must be there; the file is refused otherwise, naming what is missing and what is there. */
    DelimitedFile requireColumns(List<String> required) {
        List<String> missing = required.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw ReleaseFileException.of(name + ", row 1", "lacks the column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (its columns: " + String.join(", ", header) + ")");
        }
        return this;
    }

    /** The cell, stripped; empty when the row is short. */
    String get(Row row, String column) {
        int index = columns.get(column);
        return index < row.cells().size() ? row.cells().get(index).strip() : "";
    }

    /** Notes an error in a cell; the file's reader throws them all at the end ({@link #check}). */
    void error(Row row, String column, String message) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(new FieldError(name + ", row " + row.number() + ", column " + column, message));
        } else if (errors.size() == MAX_ERRORS) {
            errors.add(new FieldError(name, "has more errors; the first " + MAX_ERRORS + " are listed"));
        }
    }

    /** The cell, which must not be empty. */
    @Nullable
    String required(Row row, String column) {
        String value = get(row, column);
        if (value.isEmpty()) {
            error(row, column, "is empty");
            return null;
        }
        return value;
    }

    void check() {
        if (!errors.isEmpty()) {
            throw new ReleaseFileException(errors);
        }
    }

    /** Keys must be unique within a file: a second row for one code is an error naming both rows. */
    <T> void putUnique(Map<String, T> records, Map<String, Integer> firstRows, String key, Row row, String column,
                       T record) {
        Integer first = firstRows.putIfAbsent(key, row.number());
        if (first != null) {
            error(row, column, "repeats " + key + " (first in row " + first + ")");
        } else {
            records.put(key, record);
        }
    }

    static <T> Map<String, T> ordered() {
        return new LinkedHashMap<>();
    }

    record Row(int number, List<String> cells) {

        boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }
}
