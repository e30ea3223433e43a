package org.marketlake.forecast.chronos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.error.InvalidRequestException;

/** The input and output formats of {@code chronos predict}. */
class SeriesIoTest {
    @TempDir
    Path folder;

    @Test
    void jsonNullIsMissing() throws IOException {
        Path file = folder.resolve("in.json");
        Files.writeString(file, "{\"series\": [[1.0, 2.5, null, 4], [7]]}");

        double[][] series = SeriesInput.read(file);

        assertThat(series).hasNumberOfRows(2);
        assertThat(series[0]).containsExactly(1.0, 2.5, Double.NaN, 4.0);
        assertThat(series[1]).containsExactly(7.0);
    }

    @Test
    void aFlatJsonListIsOneSeries() throws IOException {
        Path file = folder.resolve("in.json");
        Files.writeString(file, "{\"series\": [1.0, null, 3]}");
        double[][] series = SeriesInput.read(file);
        assertThat(series).hasNumberOfRows(1);
        assertThat(series[0]).containsExactly(1.0, Double.NaN, 3.0);
    }

    @Test
    void csvColumnsAreAlignedAtTheEnd() throws IOException {
        Path file = folder.resolve("in.csv");
        Files.writeString(file, """
                spy,qqq,iwm
                ,,1
                ,2,2
                3,,3
                4,4,
                """);

        double[][] series = SeriesInput.read(file);

        assertThat(series[0]).containsExactly(3.0, 4.0);
        assertThat(series[1]).containsExactly(2.0, Double.NaN, 4.0);
        assertThat(series[2]).containsExactly(1.0, 2.0, 3.0, Double.NaN);
    }

    @Test
    void csvWithoutHeader() throws IOException {
        Path file = folder.resolve("in.txt");
        Files.writeString(file, "1.5,10\n2.5,11\n");
        assertThat(SeriesInput.read(file)).isDeepEqualTo(new double[][] {{1.5, 2.5}, {10, 11}});
    }

    @Test
    void csvRowsMayEndEarlyAndStartWithAByteOrderMark() throws IOException {
        Path file = folder.resolve("in.csv");
        Files.writeString(file, "\uFEFF1.5,10\r\n2.5\r\n3.5,12\r\n");
        double[][] series = SeriesInput.read(file);
        assertThat(series[0]).containsExactly(1.5, 2.5, 3.5);
        assertThat(series[1]).containsExactly(10, Double.NaN, 12);
    }

    @Test
    void aBadCsvCellIsNamed() throws IOException {
        Path file = folder.resolve("in.csv");
        Files.writeString(file, "a,b\n1,2\n3,x\n");
        assertThatThrownBy(() -> SeriesInput.read(file))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage("not a number [file=" + file + ", row=3, column=2, value=x] (leave the cell blank for a missing value)");
    }

    @Test
    void jsonWithoutSeriesIsExplained() throws IOException {
        Path file = folder.resolve("in.json");
        Files.writeString(file, "{\"values\": [1, 2]}");
        assertThatThrownBy(() -> SeriesInput.read(file))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage("JSON input needs {\"series\": [[...], ...]} [file=" + file + "]");
    }

    @Test
    void aMissingFileIsAUsageError() {
        Path file = folder.resolve("nope.json");
        assertThatThrownBy(() -> SeriesInput.read(file))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("input file not found [file=" + file + "]");
    }

    @Test
    void outputsJsonAndCsvInPlainNotation() {
        ChronosForecast forecast = new ChronosForecast(new double[] {0.1, 0.5, 0.9},
                new double[][][] {{{1.25, 0.0000125}, {2, Double.NaN}, {3.5, 1e10}}},
                new double[][] {{2, Double.NaN}});
        StringWriter json = new StringWriter();
        StringWriter csv = new StringWriter();

        ForecastOutput.writeJson(forecast, json);
        ForecastOutput.writeCsv(forecast, csv);

        assertThat(json.toString().strip()).isEqualTo("{\"quantile_levels\":[0.1,0.5,0.9],"
                + "\"quantiles\":[[[1.25,0.0000125],[2,null],[3.5,10000000000]]],\"mean\":[[2,null]]}");
        assertThat(csv.toString()).isEqualTo("""
                series,step,q0.1,q0.5,q0.9,mean
                0,0,1.25,2,3.5,2
                0,1,0.0000125,,10000000000,
                """);
    }
}
