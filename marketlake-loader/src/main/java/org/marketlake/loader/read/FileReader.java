package org.marketlake.loader.read;

import org.marketlake.loader.table.TableColumn;

import org.marketlake.loader.table.Table;

import org.marketlake.loader.table.SourceType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.marketlake.loader.config.LoaderConfig;
import org.marketlake.loader.convert.Conversion;
import org.marketlake.loader.discovery.FileInfo;
import org.marketlake.loader.validate.SchemaReport;
import org.marketlake.loader.validate.SchemaValidator;

/** Reads one file of either format: schema validated first, then the configured columns, then converted. */
public final class FileReader {
    private final LoaderConfig config;
    private final SchemaValidator validator;
    private final Conversion conversion;

    public FileReader(LoaderConfig config) {
        this.config = config;
        this.validator = new SchemaValidator(config.schema());
        this.conversion = new Conversion(config.schema().timezone());
    }

    private Source open(FileInfo file) {
        return file.isParquet() ? new ParquetSource(file.path(), config.processing().chunkSize()) : new JsonSource(file.path());
    }

    /** The columns and types of a file, without reading its rows (JSON is parsed whole). */
    public Map<String, SourceType> schema(FileInfo file) {
        try (Source source = open(file)) {
            return source.schema();
        }
    }

    public SchemaReport validate(FileInfo file, List<String> expectedTargets) {
        try (Source source = open(file)) {
            return validator.validate(file.path(), source.schema(), expectedTargets);
        }
    }

    /**
     * Any Parquet or JSON file (a dataset this loader wrote, for example), every column: the configured datetime
     * column becomes {@code ds}, instants become timestamp columns, numbers and text stay as they are.
     */
    public Table readAll(java.nio.file.Path path) {
        try (Source source = path.toString().endsWith(".json") ? new JsonSource(path)
                : new ParquetSource(path, config.processing().chunkSize())) {
            Map<String, SourceType> types = source.schema();
            String datetime = config.schema().datetimeColumn();
            if (!types.containsKey(datetime)) {
                throw new org.marketlake.core.error.SchemaMismatchException("Required column missing [file=" + path + ", column="
                        + datetime + "]: the datetime column is not among " + types.keySet());
            }
            List<String> names = new ArrayList<>();
            names.add(datetime);
            types.forEach((name, type) -> {
                if (!name.equals(datetime) && type != SourceType.OTHER) {
                    names.add(name);
                }
            });
            List<TableColumn> raw = source.read(names, MemoryBudget.unlimited());
            long[] ds = conversion.datetime(path, raw.get(0), types.get(datetime));
            List<TableColumn> columns = new ArrayList<>();
            for (int c = 1; c < raw.size(); c++) {
                TableColumn column = raw.get(c);
                columns.add(types.get(column.name()).isTime() || config.schema().timestampColumns().contains(column.name())
                        ? conversion.timestamps(path, column, types.get(column.name())) : column);
            }
            return Table.of(ds, columns);
        }
    }

    public FileTable read(FileInfo file, List<String> expectedTargets, MemoryBudget budget) {
        try (Source source = open(file)) {
            Map<String, SourceType> types = source.schema();
            SchemaReport report = validator.validate(file.path(), types, expectedTargets);
            List<String> names = report.columnsToRead();
            List<TableColumn> raw = source.read(names, budget);
            long[] ds = conversion.datetime(file.path(), raw.get(0), types.get(names.get(0)));
            List<TableColumn> columns = new ArrayList<>();
            for (int c = 1; c < raw.size(); c++) {
                TableColumn column = raw.get(c);
                columns.add(report.timestampColumns().contains(column.name())
                        ? conversion.timestamps(file.path(), column, types.get(column.name())) : column);
            }
            return new FileTable(file, Table.of(ds, columns), report);
        }
    }
}
