#include "report/predictionaudit.h"

#include "report/metricglossary.h"
#include "report/modelcard.h"

#include "data/attributetable.h"
#include "data/groupassignment.h"
#include "jobs/metricrows.h"
#include "util/texttable.h"

#include <QFileInfo>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <set>

namespace equiscope {

namespace {

DataError columnError(const CsvTable &t, const QString &column)
{
    DataError e;
    e.file = t.file;
    e.line = 1;
    e.field = column;
    e.expected = QStringLiteral("a column of: %1").arg(t.header.join(QStringLiteral(", ")));
    e.found = QStringLiteral("no such column");
    return e;
}

bool isNumber(const QString &s, double *v = nullptr)
{
    bool ok = false;
    const double d = s.toDouble(&ok);
    if (v)
        *v = d;
    return ok && std::isfinite(d);
}

/// Class order: numeric values numerically, known boolean pairs negative-first, else sorted.
QStringList orderClasses(std::set<QString> values)
{
    QStringList out(values.begin(), values.end());
    const bool numeric =
        std::all_of(out.begin(), out.end(), [](const QString &s) { return isNumber(s); });
    if (numeric) {
        std::sort(out.begin(), out.end(),
                  [](const QString &a, const QString &b) { return a.toDouble() < b.toDouble(); });
        return out;
    }
    static const QList<QPair<QString, QString>> pairs{
        {QStringLiteral("false"), QStringLiteral("true")},
        {QStringLiteral("no"), QStringLiteral("yes")},
        {QStringLiteral("n"), QStringLiteral("y")},
        {QStringLiteral("negative"), QStringLiteral("positive")},
        {QStringLiteral("neg"), QStringLiteral("pos")}};
    if (out.size() == 2)
        for (const auto &p : pairs) {
            if (out[0].toLower() == p.second && out[1].toLower() == p.first)
                std::swap(out[0], out[1]);
            if (out[0].toLower() == p.first && out[1].toLower() == p.second)
                return out;
        }
    std::sort(out.begin(), out.end());
    return out;
}

double aucOf(const std::vector<std::pair<float, int>> &scored)
{
    // Mann–Whitney: P(score of a positive > score of a negative), ties count one half.
    std::vector<std::pair<float, int>> s = scored;
    std::sort(s.begin(), s.end());
    double rankSumPos = 0;
    qint64 pos = 0, neg = 0;
    for (size_t i = 0; i < s.size();) {
        size_t j = i;
        while (j < s.size() && s[j].first == s[i].first)
            ++j;
        const double rank = (double(i) + double(j - 1)) / 2.0 + 1.0;
        for (size_t k = i; k < j; ++k) {
            if (s[k].second == 1) {
                rankSumPos += rank;
                ++pos;
            } else {
                ++neg;
            }
        }
        i = j;
    }
    if (pos == 0 || neg == 0)
        return kUndefined;
    return (rankSumPos - double(pos) * double(pos + 1) / 2.0) / (double(pos) * double(neg));
}

QString ciText(const Estimate &e)
{
    if (!std::isfinite(e.value))
        return QStringLiteral("—");
    if (std::isfinite(e.lo) && std::isfinite(e.hi))
        return QStringLiteral("%1 [%2, %3]")
            .arg(formatValue(e.value), formatValue(e.lo), formatValue(e.hi));
    return formatValue(e.value);
}

} // namespace

Expected<PredictionRows> readPredictions(const CsvTable &table, const AuditOptions &options)
{
    PredictionRows out;
    auto index = [&](const QString &name) { return int(table.header.indexOf(name)); };
    out.labelColumn = index(options.labelColumn);
    if (out.labelColumn < 0)
        return columnError(table, options.labelColumn);
    out.predictionColumn =
        options.predictionColumn.isEmpty() ? -1 : index(options.predictionColumn);
    if (!options.predictionColumn.isEmpty() && out.predictionColumn < 0)
        return columnError(table, options.predictionColumn);
    out.scoreColumn = options.scoreColumn.isEmpty() ? -1 : index(options.scoreColumn);
    if (!options.scoreColumn.isEmpty() && out.scoreColumn < 0)
        return columnError(table, options.scoreColumn);
    // Rows with a label and a prediction (or score).
    std::set<QString> values;
    for (size_t r = 0; r < table.rows.size(); ++r) {
        const QStringList &row = table.rows[r];
        const QString label = row[out.labelColumn].trimmed();
        const QString pred =
            out.predictionColumn >= 0 ? row[out.predictionColumn].trimmed() : QString();
        double score = kUndefined;
        // A score is a probability: NaN, infinities and values outside [0, 1] are errors (a
        // threshold compares them, so they would silently become predictions).
        if (out.scoreColumn >= 0 && !row[out.scoreColumn].trimmed().isEmpty() &&
            (!isNumber(row[out.scoreColumn].trimmed(), &score) || !std::isfinite(score) ||
             score < 0 || score > 1))
            return DataError{table.file,
                             table.lines[r],
                             -1,
                             options.scoreColumn,
                             QStringLiteral("a probability from 0 to 1"),
                             row[out.scoreColumn],
                             {}};
        if (label.isEmpty() ||
            (out.predictionColumn >= 0 ? pred.isEmpty() : !std::isfinite(score))) {
            ++out.skippedRows;
            continue;
        }
        values.insert(label);
        if (out.predictionColumn >= 0)
            values.insert(pred);
        out.used.push_back(r);
        out.scores.push_back(float(score));
    }
    if (out.used.empty())
        return DataError{table.file,
                         -1,
                         -1,
                         {},
                         {},
                         {},
                         QStringLiteral("no row has both a label and a prediction")};
    out.classNames = orderClasses(values);
    if (out.predictionColumn < 0 && out.classNames.size() > 2)
        return DataError{table.file,
                         -1,
                         -1,
                         options.labelColumn,
                         QStringLiteral("a binary label when predictions come from a score"),
                         QStringLiteral("%1 classes").arg(out.classNames.size()),
                         {}};
    if (out.classNames.size() == 1)
        out.classNames << (out.classNames[0] == QLatin1String("1") ? QStringLiteral("0")
                                                                   : QStringLiteral("1"));
    if (out.classNames.size() == 2) {
        if (!options.positiveLabel.isEmpty()) {
            const int p = int(out.classNames.indexOf(options.positiveLabel));
            if (p < 0)
                return DataError{
                    table.file,
                    -1,
                    -1,
                    QStringLiteral("positive"),
                    QStringLiteral("one of %1").arg(out.classNames.join(QStringLiteral(", "))),
                    options.positiveLabel,
                    {}};
            if (p == 0)
                std::swap(out.classNames[0], out.classNames[1]);
        } else {
            static const QStringList known{"1", "true", "yes", "y", "positive", "pos"};
            if (!known.contains(out.classNames[1].toLower()))
                out.warnings << QStringLiteral("taking '%1' as the positive class (set "
                                               "--positive to choose)")
                                    .arg(out.classNames[1]);
        }
    }

    for (const size_t r : out.used) {
        const QStringList &row = table.rows[r];
        out.labels.push_back(int(out.classNames.indexOf(row[out.labelColumn].trimmed())));
    }
    for (size_t i = 0; i < out.used.size(); ++i) {
        const QStringList &row = table.rows[out.used[i]];
        out.predictions.push_back(
            out.predictionColumn >= 0
                ? int(out.classNames.indexOf(row[out.predictionColumn].trimmed()))
                : (out.scores[i] >= options.threshold ? 1 : 0));
    }
    return out;
}

Expected<AuditResult> auditPredictions(const CsvTable &table, const AuditOptions &options)
{
    AuditResult result;
    result.file = table.file;
    result.options = options;
    result.rows = qint64(table.rows.size());
    if (options.labelColumn.isEmpty() ||
        (options.predictionColumn.isEmpty() && options.scoreColumn.isEmpty()) ||
        options.groupColumns.isEmpty())
        return DataError{table.file,
                         -1,
                         -1,
                         {},
                         {},
                         {},
                         QStringLiteral("an audit needs a label column, a prediction or score "
                                        "column and at least one group column")};
    auto index = [&](const QString &name) { return int(table.header.indexOf(name)); };
    QVector<int> groupCols;
    for (const QString &g : options.groupColumns) {
        const int c = index(g);
        if (c < 0)
            return columnError(table, g);
        groupCols << c;
    }

    auto parsed = readPredictions(table, options);
    if (!parsed)
        return parsed.error();
    const PredictionRows &rows = parsed.value();
    const int predCol = rows.predictionColumn, scoreCol = rows.scoreColumn;
    const std::vector<size_t> &used = rows.used;
    const std::vector<float> &scores = rows.scores;
    result.classNames = rows.classNames;
    result.warnings = rows.warnings;
    result.skippedRows = rows.skippedRows;

    FairnessInput in;
    in.labels = rows.labels;
    if (predCol >= 0)
        in.predictions = rows.predictions;
    else
        in.scores = scores;

    AttributeTable groups(qint64(used.size()));
    for (int k = 0; k < groupCols.size(); ++k) {
        QStringList cells;
        std::vector<qint64> lines;
        for (size_t r : used) {
            cells << table.rows[r][groupCols[k]].trimmed();
            lines.push_back(table.lines[r]);
        }
        TextColumnOptions to;
        to.file = table.file;
        to.lines = lines;
        try {
            groups.add(attributeFromText(options.groupColumns[k], cells, to));
        } catch (const DataException &e) {
            return e.error();
        }
    }
    GroupOptions go;
    go.sensitive = options.groupColumns;
    go.binning = BinningMethod::Quantile;
    go.bins = options.bins;
    go.minGroupSize = options.minGroupSize;
    go.seed = options.seed;
    auto assigned = assignGroups(groups, go, table.file);
    if (!assigned)
        return assigned.error();
    in.groupOf = assigned->groupOf;
    for (const Group &g : assigned->groups)
        in.groupLabels << g.label;
    for (int32_t g : in.groupOf)
        result.ungroupedRows += g < 0;

    FairnessOptions fo;
    fo.minGroupSize = options.minGroupSize;
    fo.numClasses = std::max(2, int(result.classNames.size()));
    fo.scoreThreshold = options.threshold;
    fo.resamples = options.resamples;
    fo.seed = options.seed;
    auto report = evaluateFairness(in, fo);
    if (!report) {
        DataError e = report.error();
        e.file = table.file;
        return e;
    }
    result.report = report.value();

    if (predCol >= 0 && scoreCol >= 0 && result.classNames.size() == 2) {
        for (int g = 0; g < in.groupLabels.size(); ++g) {
            std::vector<std::pair<float, int>> scored;
            double sum = 0;
            for (size_t i = 0; i < used.size(); ++i)
                if (in.groupOf[i] == g && std::isfinite(scores[i])) {
                    scored.emplace_back(scores[i], in.labels[i]);
                    sum += scores[i];
                }
            GroupScoreStats s;
            s.label = in.groupLabels[g];
            if (!scored.empty() && !result.report.groups[g].tooSmall) {
                s.auc = aucOf(scored);
                s.meanScore = sum / double(scored.size());
            }
            result.scores << s;
        }
    }
    if (result.skippedRows > 0)
        result.warnings << QStringLiteral("%1 row(s) without a label or prediction were left out")
                               .arg(result.skippedRows);
    if (result.ungroupedRows > 0)
        result.warnings << QStringLiteral("%1 row(s) with an empty group column belong to no group")
                               .arg(result.ungroupedRows);
    return result;
}

Expected<SubgroupScan> scanPredictionSubgroups(const CsvTable &table, const AuditOptions &options,
                                               SubgroupScanOptions scanOptions)
{
    scanOptions.source = table.file;
    auto parsed = readPredictions(table, options);
    if (!parsed)
        return parsed.error();
    const PredictionRows &rows = parsed.value();
    if (scanOptions.metric != SubgroupMetric::Error && rows.classNames.size() != 2)
        return DataError{table.file,
                         -1,
                         -1,
                         options.labelColumn,
                         QStringLiteral("a binary label for the %1 rate")
                             .arg(subgroupMetricName(scanOptions.metric)),
                         QStringLiteral("%1 classes").arg(rows.classNames.size()),
                         {}};
    QStringList columns = options.groupColumns;
    if (columns.isEmpty())
        for (const QString &c : table.header)
            if (c != options.labelColumn && c != options.predictionColumn &&
                c != options.scoreColumn)
                columns << c;
    AttributeTable attributes(qint64(rows.used.size()));
    for (const QString &name : columns) {
        const int c = int(table.header.indexOf(name));
        if (c < 0)
            return columnError(table, name);
        QStringList cells;
        std::vector<qint64> lines;
        for (const size_t r : rows.used) {
            cells << table.rows[r][c].trimmed();
            lines.push_back(table.lines[r]);
        }
        TextColumnOptions to;
        to.file = table.file;
        to.lines = lines;
        try {
            attributes.add(attributeFromText(name, cells, to));
        } catch (const DataException &e) {
            return e.error();
        }
    }
    auto scan = scanSubgroups(attributes,
                              subgroupOutcomes(scanOptions.metric, rows.labels, rows.predictions),
                              scanOptions);
    if (scan)
        scan->warnings = rows.warnings + scan->warnings;
    return scan;
}

Expected<AuditResult> auditPredictionsFile(const QString &csvPath, const AuditOptions &options)
{
    try {
        return auditPredictions(CsvTable::read(csvPath), options);
    } catch (const DataException &e) {
        return e.error();
    }
}

QJsonObject AuditResult::toJson() const
{
    QJsonObject o = report.toJson();
    o.insert(QStringLiteral("file"), file);
    o.insert(QStringLiteral("rows"), rows);
    o.insert(QStringLiteral("skippedRows"), skippedRows);
    o.insert(QStringLiteral("ungroupedRows"), ungroupedRows);
    o.insert(QStringLiteral("classes"), QJsonArray::fromStringList(classNames));
    o.insert(QStringLiteral("label"), options.labelColumn);
    o.insert(QStringLiteral("prediction"), options.predictionColumn);
    o.insert(QStringLiteral("score"), options.scoreColumn);
    o.insert(QStringLiteral("groupColumns"), QJsonArray::fromStringList(options.groupColumns));
    if (!scores.isEmpty()) {
        QJsonArray a;
        for (const GroupScoreStats &s : scores)
            a.append(QJsonObject{{QStringLiteral("label"), s.label},
                                 {QStringLiteral("auc"), numberToJson(s.auc)},
                                 {QStringLiteral("meanScore"), numberToJson(s.meanScore)}});
        o.insert(QStringLiteral("scores"), a);
    }
    o.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(warnings));
    return o;
}

QString AuditResult::toText() const
{
    QString out = QStringLiteral("audit of %1: %2 rows, %3 used, %4 groups (%5)\n")
                      .arg(file)
                      .arg(rows)
                      .arg(rows - skippedRows)
                      .arg(report.groups.size())
                      .arg(options.groupColumns.join(QStringLiteral(" × ")));
    out += QStringLiteral("classes: %1; %2% bootstrap CIs, %3 resamples, minimum group size %4\n")
               .arg(classNames.join(QStringLiteral(", ")))
               .arg(report.confidence * 100, 0, 'f', 0)
               .arg(report.resamples)
               .arg(report.minGroupSize);
    for (const QString &w : warnings)
        out += QStringLiteral("warning: %1\n").arg(w);
    out += QStringLiteral("\noverall:\n");
    QVector<QStringList> rowsOut{{QStringLiteral("METRIC"), QStringLiteral("VALUE [95% CI]")}};
    for (const auto &kv : GroupMetrics().overallValues()) {
        const Estimate e = report.metric(kv.first);
        QString text = ciText(e);
        // The group behind a worst-group number, and its size.
        const int worst = kv.first == QLatin1String("worst_group_accuracy") ? report.worstGroup
                          : kv.first == QLatin1String("worst_judged_group_accuracy")
                              ? report.worstJudgedGroup
                              : -1;
        if (worst >= 0 && worst < report.groups.size())
            text += QStringLiteral("  (%1, n = %2)")
                        .arg(report.groups[worst].label)
                        .arg(report.groups[worst].size);
        rowsOut.append({kv.first, text});
    }
    out += alignedColumns(rowsOut);
    out += QStringLiteral("\ngroups:\n");
    QStringList header{QStringLiteral("GROUP"), QStringLiteral("N"), QStringLiteral("ACCURACY")};
    const bool binary = report.numClasses == 2;
    if (binary)
        header << QStringLiteral("SELECTION") << QStringLiteral("TPR") << QStringLiteral("FPR");
    if (!scores.isEmpty())
        header << QStringLiteral("AUC");
    QVector<QStringList> groupRows{header};
    for (int g = 0; g < report.groups.size(); ++g) {
        const GroupReport &gr = report.groups[g];
        QStringList row{gr.label, QString::number(gr.size)};
        if (gr.tooSmall) {
            row << QStringLiteral("too small to judge");
        } else {
            row << ciText(gr.metrics.value(QStringLiteral("accuracy")));
            if (binary)
                row << ciText(gr.metrics.value(QStringLiteral("selection_rate")))
                    << ciText(gr.metrics.value(QStringLiteral("true_positive_rate")))
                    << ciText(gr.metrics.value(QStringLiteral("false_positive_rate")));
            if (g < scores.size())
                row << formatValue(scores[g].auc);
        }
        groupRows.append(row);
    }
    out += alignedColumns(groupRows);
    return out;
}

ReportRun AuditResult::toReportRun() const
{
    ReportRun run;
    run.hasModel = false;
    run.record.id = QStringLiteral("audit");
    run.record.name = QFileInfo(file).fileName();
    run.record.method = QStringLiteral("prediction audit");
    run.record.status = RunStatus::Finished;
    run.record.createdAt = storeNow();
    run.record.config =
        QJsonObject{{QStringLiteral("target"), options.labelColumn},
                    {QStringLiteral("prediction"), options.predictionColumn},
                    {QStringLiteral("score"), options.scoreColumn},
                    {QStringLiteral("sensitive"), QJsonArray::fromStringList(options.groupColumns)},
                    {QStringLiteral("minGroupSize"), options.minGroupSize},
                    {QStringLiteral("groupBins"), options.bins},
                    {QStringLiteral("bootstrapResamples"), options.resamples}};
    run.record.datasetSpec = QJsonObject{{QStringLiteral("format"), QStringLiteral("csv")},
                                         {QStringLiteral("path"), file}};
    run.fairness = report;
    run.finalMetrics = fairnessMetricRows(report);
    for (const GroupScoreStats &s : scores) {
        qint64 size = 0;
        for (const GroupReport &g : report.groups)
            if (g.label == s.label)
                size = g.size;
        if (std::isfinite(s.auc))
            run.finalMetrics.push_back(MetricRow{
                QStringLiteral("auc"), s.auc, std::nullopt, std::nullopt, s.label, size, {}});
    }
    run.evaluation = QJsonObject{{QStringLiteral("testSamples"), report.sampleCount}};
    run.datasetNote = QString();
    return run;
}

QVector<QPair<QString, QString>> AuditResult::sourceFacts() const
{
    QVector<QPair<QString, QString>> f{
        {QStringLiteral("File"), file},
        {QStringLiteral("Rows"), QStringLiteral("%1 (%2 used)").arg(rows).arg(rows - skippedRows)},
        {QStringLiteral("Label column"), options.labelColumn},
        {QStringLiteral("Prediction column"),
         options.predictionColumn.isEmpty()
             ? QStringLiteral("— (score ≥ %1)").arg(options.threshold)
             : options.predictionColumn},
        {QStringLiteral("Score column"),
         options.scoreColumn.isEmpty() ? QStringLiteral("—") : options.scoreColumn},
        {QStringLiteral("Group columns"), options.groupColumns.join(QStringLiteral(" × "))},
        {QStringLiteral("Classes"), classNames.join(QStringLiteral(", "))}};
    for (const QString &w : warnings)
        f.append({QStringLiteral("Warning"), w});
    return f;
}

} // namespace equiscope
