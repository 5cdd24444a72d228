package org.stancebench.dataset.storage;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.stancebench.dataset.Example;

/**
 * A split's examples as an Apache Parquet file, written without a Parquet library (the dataset module
 * stays free of Hadoop): one row group, one uncompressed PLAIN data page (version 1) per column, UTF-8
 * strings as {@code BYTE_ARRAY} with the {@code STRING} logical type; {@code group} is optional (null
 * when absent), every other column required. The footer is Thrift's compact protocol, as the format
 * specifies. Same examples, same bytes: no time stamps, a fixed {@code created_by}.
 *
 * <p>The columns are those of the split's JSON-lines file: id, text, label, unit, source, group,
 * sha256. Readers checked against it: Apache Spark's (the {@code spark} module's tests read every
 * split file and compare it with the JSON lines).
 */
final class ParquetSplitFile {
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    // parquet.thrift enumerations.
    private static final int TYPE_BYTE_ARRAY = 6;
    private static final int REQUIRED = 0;
    private static final int OPTIONAL = 1;
    private static final int CONVERTED_UTF8 = 0;
    private static final int ENCODING_PLAIN = 0;
    private static final int ENCODING_RLE = 3;
    private static final int CODEC_UNCOMPRESSED = 0;
    private static final int PAGE_DATA = 0;

    private record Column(String name, boolean optional, Function<Example, String> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("id", false, Example::id),
            new Column("text", false, Example::text),
            new Column("label", false, Example::label),
            new Column("unit", false, Example::unit),
            new Column("source", false, Example::source),
            new Column("group", true, Example::group),
            new Column("sha256", false, Example::sha256));

    private ParquetSplitFile() {
    }

    /** The Parquet file of {@code examples}, in their order. */
    static byte[] write(List<Example> examples, String createdBy) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(MAGIC);
        List<long[]> chunks = new ArrayList<>(); // per column: data page offset, total size
        for (Column c : COLUMNS) {
            byte[] page = page(examples, c);
            Thrift header = new Thrift();
            header.i32(1, PAGE_DATA);
            header.i32(2, page.length);
            header.i32(3, page.length);
            header.beginStruct(5);
            header.i32(1, examples.size());
            header.i32(2, ENCODING_PLAIN);
            header.i32(3, ENCODING_RLE);
            header.i32(4, ENCODING_RLE);
            header.endStruct();
            header.stop();
            long offset = file.size();
            byte[] h = header.bytes();
            file.writeBytes(h);
            file.writeBytes(page);
            chunks.add(new long[] {offset, h.length + page.length});
        }

        Thrift meta = new Thrift();
        meta.i32(1, 1);
        meta.beginList(2, Thrift.STRUCT, COLUMNS.size() + 1);
        meta.beginElement();
        meta.binary(4, "schema");
        meta.i32(5, COLUMNS.size());
        meta.endStruct();
        for (Column c : COLUMNS) {
            meta.beginElement();
            meta.i32(1, TYPE_BYTE_ARRAY);
            meta.i32(3, c.optional() ? OPTIONAL : REQUIRED);
            meta.binary(4, c.name());
            meta.i32(6, CONVERTED_UTF8);
            meta.beginStruct(10); // LogicalType, a union: STRING (field 1), an empty struct
            meta.beginStruct(1);
            meta.endStruct();
            meta.endStruct();
            meta.endStruct();
        }
        meta.i64(3, examples.size());
        meta.beginList(4, Thrift.STRUCT, 1);
        meta.beginElement();
        meta.beginList(1, Thrift.STRUCT, COLUMNS.size());
        long total = 0;
        for (int i = 0; i < COLUMNS.size(); i++) {
            long[] chunk = chunks.get(i);
            total += chunk[1];
            meta.beginElement();
            meta.i64(2, chunk[0]);
            meta.beginStruct(3);
            meta.i32(1, TYPE_BYTE_ARRAY);
            meta.beginList(2, Thrift.I32, 2);
            meta.element(ENCODING_PLAIN);
            meta.element(ENCODING_RLE);
            meta.beginList(3, Thrift.BINARY, 1);
            meta.element(COLUMNS.get(i).name());
            meta.i32(4, CODEC_UNCOMPRESSED);
            meta.i64(5, examples.size());
            meta.i64(6, chunk[1]);
            meta.i64(7, chunk[1]);
            meta.i64(9, chunk[0]);
            meta.endStruct();
            meta.endStruct();
        }
        meta.i64(2, total);
        meta.i64(3, examples.size());
        meta.endStruct();
        meta.binary(6, createdBy);
        meta.stop();
        byte[] footer = meta.bytes();
        file.writeBytes(footer);
        writeIntLe(file, footer.length);
        file.writeBytes(MAGIC);
        return file.toByteArray();
    }

    /** A data page's body: definition levels (optional columns only), then the present values. */
    private static byte[] page(List<Example> examples, Column c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (c.optional()) {
            // RLE/bit-packed hybrid, bit width 1, as RLE runs only: (run length << 1) then one byte.
            ByteArrayOutputStream levels = new ByteArrayOutputStream();
            int i = 0;
            while (i < examples.size()) {
                boolean present = c.value().apply(examples.get(i)) != null;
                int j = i;
                while (j < examples.size() && (c.value().apply(examples.get(j)) != null) == present) {
                    j++;
                }
                writeVarint(levels, (long) (j - i) << 1);
                levels.write(present ? 1 : 0);
                i = j;
            }
            writeIntLe(out, levels.size());
            out.writeBytes(levels.toByteArray());
        }
        for (Example e : examples) {
            String v = c.value().apply(e);
            if (v != null) {
                byte[] b = v.getBytes(StandardCharsets.UTF_8);
                writeIntLe(out, b.length);
                out.writeBytes(b);
            }
        }
        return out.toByteArray();
    }

    private static void writeIntLe(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }

    private static void writeVarint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    /** Thrift's compact protocol, the few parts a Parquet footer needs. */
    private static final class Thrift {
        static final int I32 = 5;
        static final int I64 = 6;
        static final int BINARY = 8;
        static final int LIST = 9;
        static final int STRUCT = 12;

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final java.util.ArrayDeque<Integer> lastIds = new java.util.ArrayDeque<>();
        private int lastId;

        private void field(int id, int type) {
            int delta = id - lastId;
            if (delta > 0 && delta <= 15) {
                out.write(delta << 4 | type);
            } else {
                out.write(type);
                writeVarint(out, zigzag(id));
            }
            lastId = id;
        }

        void i32(int id, int v) {
            field(id, I32);
            writeVarint(out, zigzag(v));
        }

        void i64(int id, long v) {
            field(id, I64);
            writeVarint(out, zigzag(v));
        }

        void binary(int id, String v) {
            field(id, BINARY);
            element(v);
        }

        void beginStruct(int id) {
            field(id, STRUCT);
            lastIds.push(lastId);
            lastId = 0;
        }

        /** A struct as a list element: no field header. */
        void beginElement() {
            lastIds.push(lastId);
            lastId = 0;
        }

        void endStruct() {
            out.write(0);
            lastId = lastIds.pop();
        }

        void beginList(int id, int elementType, int size) {
            field(id, LIST);
            if (size < 15) {
                out.write(size << 4 | elementType);
            } else {
                out.write(0xF0 | elementType);
                writeVarint(out, size);
            }
        }

        void element(int v) {
            writeVarint(out, zigzag(v));
        }

        void element(String v) {
            byte[] b = v.getBytes(StandardCharsets.UTF_8);
            writeVarint(out, b.length);
            out.writeBytes(b);
        }

        void stop() {
            out.write(0);
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private static long zigzag(long v) {
            return (v << 1) ^ (v >> 63);
        }
    }
}
