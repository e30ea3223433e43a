package org.marketlake.forecast.export;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Just enough of the FlatBuffers encoding for Arrow's IPC metadata (Schema, Message, Footer), written front to
 * back: each object is written before the objects it points to, so every offset points forward as the format
 * requires. Tables put their vtable right before them; scalars sit at their natural alignment.
 */
final class FlatBuffer {
    private ByteBuffer buffer = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);

    /** Something a field or vector can point to; {@link #write} returns the position the offset must reach. */
    interface Node {
        int write(FlatBuffer out);
    }

    /** Serialises {@code root} as a complete buffer, padded to 8 bytes. */
    static byte[] finish(Node root) {
        FlatBuffer out = new FlatBuffer();
        out.pad(4);
        int rootSlot = out.putInt(0);
        int rootPosition = root.write(out);
        out.patchOffset(rootSlot, rootPosition);
        out.pad(8);
        return Arrays.copyOf(out.buffer.array(), out.buffer.position());
    }

    static Table table() {
        return new Table();
    }

    static Node string(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return out -> {
            out.pad(4);
            int position = out.putInt(bytes.length);
            out.ensure(bytes.length + 1);
            out.buffer.put(bytes).put((byte) 0);
            return position;
        };
    }

    static Node tables(List<? extends Node> tables) {
        return out -> {
            out.pad(4);
            int position = out.putInt(tables.size());
            int[] slots = new int[tables.size()];
            for (int i = 0; i < slots.length; i++) {
                slots[i] = out.putInt(0);
            }
            for (int i = 0; i < slots.length; i++) {
                out.patchOffset(slots[i], tables.get(i).write(out));
            }
            return position;
        };
    }

    /** A vector of structs made only of 8-byte fields (Arrow's FieldNode, Buffer, Block with its padding). */
    static Node longStructs(List<long[]> structs) {
        return out -> {
            // the elements must be 8-aligned, and the 4-byte length sits right before them
            while ((out.buffer.position() + 4) % 8 != 0) {
                out.ensure(1);
                out.buffer.put((byte) 0);
            }
            int position = out.putInt(structs.size());
            for (long[] struct : structs) {
                for (long value : struct) {
                    out.ensure(8);
                    out.buffer.putLong(value);
                }
            }
            return position;
        };
    }

    /** A table under construction: scalar fields by id and size, and offsets to child nodes. */
    static final class Table implements Node {
        private record Field(int id, int size, long value, Node child) {}

        private final List<Field> fields = new ArrayList<>();

        Table scalar(int id, int size, long value) {
            fields.add(new Field(id, size, value, null));
            return this;
        }

        Table child(int id, Node child) {
            fields.add(new Field(id, 4, 0, child));
            return this;
        }

        @Override
        public int write(FlatBuffer out) {
            // inline layout: the 4-byte vtable offset, then fields largest first so each is naturally aligned
            List<Field> ordered = new ArrayList<>(fields);
            ordered.sort((a, b) -> Integer.compare(b.size(), a.size()));
            int slots = fields.stream().mapToInt(Field::id).max().orElse(-1) + 1;
            int[] fieldOffset = new int[slots];
            int inline = 4;
            int[] offsets = new int[ordered.size()];
            for (int i = 0; i < ordered.size(); i++) {
                Field field = ordered.get(i);
                inline = align(inline, field.size());
                offsets[i] = inline;
                fieldOffset[field.id()] = inline;
                inline += field.size();
            }
            out.pad(2);
            int vtable = out.buffer.position();
            out.putShort(4 + 2 * slots);
            out.putShort(inline);
            for (int offset : fieldOffset) {
                out.putShort(offset);
            }
            out.pad(8);
            int table = out.buffer.position();
            out.putInt(table - vtable); // signed distance back to the vtable
            for (int i = 0; i < ordered.size(); i++) {
                Field field = ordered.get(i);
                while (out.buffer.position() < table + offsets[i]) {
                    out.ensure(1);
                    out.buffer.put((byte) 0);
                }
                out.putScalar(field.size(), field.value());
            }
            while (out.buffer.position() < table + inline) {
                out.ensure(1);
                out.buffer.put((byte) 0);
            }
            for (int i = 0; i < ordered.size(); i++) {
                Field field = ordered.get(i);
                if (field.child() != null) {
                    out.patchOffset(table + offsets[i], field.child().write(out));
                }
            }
            return table;
        }
    }

    private static int align(int position, int size) {
        return (position + size - 1) / size * size;
    }

    private void pad(int alignment) {
        while (buffer.position() % alignment != 0) {
            ensure(1);
            buffer.put((byte) 0);
        }
    }

    private int putInt(int value) {
        ensure(4);
        int position = buffer.position();
        buffer.putInt(value);
        return position;
    }

    private void putShort(int value) {
        ensure(2);
        buffer.putShort((short) value);
    }

    private void putScalar(int size, long value) {
        ensure(size);
        switch (size) {
            case 1 -> buffer.put((byte) value);
            case 2 -> buffer.putShort((short) value);
            case 4 -> buffer.putInt((int) value);
            case 8 -> buffer.putLong(value);
            default -> throw new IllegalArgumentException("scalar of " + size + " bytes");
        }
    }

    private void patchOffset(int slot, int target) {
        buffer.putInt(slot, target - slot);
    }

    private void ensure(int bytes) {
        if (buffer.remaining() < bytes) {
            ByteBuffer larger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes))
                    .order(ByteOrder.LITTLE_ENDIAN);
            buffer.flip();
            larger.put(buffer);
            buffer = larger;
        }
    }
}
