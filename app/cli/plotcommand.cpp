#include "plotcommand.h"

#include "clioutput.h"
#include "traincommand.h"

#include "eval/metricdirection.h"
#include "eval/paretofront.h"
#include "report/chart.h"
#include "store/runstore.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QMap>
#include <QPainter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>

#include <cmath>

namespace equiscope::cli {

namespace {

struct Selection
{
    QString storePath;
    QVector<RunRecord> runs;
};

/// The runs the figure shows: finished ones (or every one with --include-unfinished) whose name
/// contains --match.
Expected<Selection> selectRuns(const QCommandLineParser &p)
{
    Selection s;
    s.storePath = storePathOption(p.value(QStringLiteral("store")));
    if (!QFileInfo::exists(s.storePath)) {
        DataError e;
        e.file = s.storePath;
        e.detail = QStringLiteral("no run store here");
        return e;
    }
    auto store = RunStore::open(s.storePath);
    if (!store)
        return store.error();
    auto runs = store.value()->runs();
    if (!runs)
        return runs.error();
    const QString match = p.value(QStringLiteral("match"));
    const bool all = p.isSet(QStringLiteral("include-unfinished"));
    QList<QPair<QString, QString>> where;
    for (const QString &kv : p.values(QStringLiteral("where"))) {
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            DataError e;
            e.detail = QStringLiteral("--where expects KEY=VALUE, got '%1'").arg(kv);
            return e;
        }
        where.append({kv.left(eq), kv.mid(eq + 1)});
    }
    // A config value equals VALUE as text, or as a number (0.3 = 3e-1).
    auto configHas = [](const QJsonObject &config, const QString &key, const QString &value) {
        QJsonValue v = config;
        for (const QString &part : key.split(QLatin1Char('.')))
            v = v.toObject().value(part);
        bool numeric = false;
        const double number = value.toDouble(&numeric);
        if (v.isDouble() && numeric)
            return std::abs(v.toDouble() - number) <= 1e-12 * std::max(1.0, std::abs(number));
        return !v.isUndefined() && v.toVariant().toString() == value;
    };
    for (const RunRecord &r : runs.value()) {
        bool wanted = (all || r.status == RunStatus::Finished) &&
                      (match.isEmpty() || r.name.contains(match, Qt::CaseInsensitive));
        for (const auto &[key, value] : where)
            wanted = wanted && configHas(r.config, key, value);
        if (wanted)
            s.runs.push_back(r);
    }
    if (s.runs.isEmpty()) {
        DataError e;
        e.file = s.storePath;
        e.detail = QStringLiteral("no finished run matches (name contains '%1', config %2)")
                       .arg(match, p.values(QStringLiteral("where")).join(QStringLiteral(", ")));
        return e;
    }
    return s;
}

/// The options every figure shares: which runs (store, --match, --where, --include-unfinished),
/// how they are grouped (--by) and where the figure goes (--out).
void addSelectionOptions(QCommandLineParser &p)
{
    p.addOptions(
        {{QStringLiteral("store"), QStringLiteral("Run store."), QStringLiteral("PATH")},
         {QStringLiteral("match"), QStringLiteral("Only runs whose name contains TEXT."),
          QStringLiteral("TEXT")},
         {QStringLiteral("where"),
          QStringLiteral("Only runs whose config has KEY (dotted) = VALUE (repeatable)."),
          QStringLiteral("KEY=VALUE")},
         {QStringLiteral("by"),
          QStringLiteral("One series per method (default), per run name, or per point: the run "
                         "name without its 'seed N' and '[config hash]' (a reproduction's grid "
                         "point, its seeds averaged)."),
          QStringLiteral("method|name|point")},
         {QStringLiteral("include-unfinished"),
          QStringLiteral("Also runs that have not finished.")},
         {QStringLiteral("out"), QStringLiteral("The figure (.png or .svg)."),
          QStringLiteral("FILE")}});
}

/// --by, "method" when not given.
QString groupingOf(const QCommandLineParser &p)
{
    const QString by = p.value(QStringLiteral("by"));
    if (by.isEmpty())
        return QStringLiteral("method");
    // Anything else is refused by the caller with the usage text.
    return QStringList{QStringLiteral("method"), QStringLiteral("name"), QStringLiteral("point")}
                   .contains(by)
               ? by
               : QString();
}

QString groupOf(const RunRecord &r, const QString &by)
{
    if (by == QLatin1String("point")) {
        // "colored-fashion-mnist fare rho=0.1 seed 2 [3fa9c01b2e]" → "… fare rho=0.1"
        static const QRegularExpression seedAndHash(
            QStringLiteral("\\s+seed\\s+\\d+\\b|\\s*\\[[0-9a-f]+\\]\\s*$"));
        return QString(r.name).remove(seedAndHash).trimmed();
    }
    return by == QLatin1String("name") ? r.name : r.method;
}

/// Grid points of one reproduction share their leading words ("colored-fashion-mnist fare …"):
/// the legend shows what differs. Other groupings keep their names.
QMap<QString, QString> displayNames(const QStringList &groups, const QString &by)
{
    QMap<QString, QString> names;
    for (const QString &g : groups)
        names[g] = g;
    if (by != QLatin1String("point") || groups.size() < 2)
        return names;
    QStringList common = groups.first().split(QLatin1Char(' '));
    for (const QString &g : groups) {
        const QStringList words = g.split(QLatin1Char(' '));
        int n = 0;
        while (n < common.size() && n + 1 < words.size() && words[n] == common[n])
            ++n;
        common = common.mid(0, n);
    }
    if (!common.isEmpty())
        for (const QString &g : groups)
            names[g] = g.split(QLatin1Char(' ')).mid(common.size()).join(QLatin1Char(' '));
    return names;
}

/// Writes @p charts one under the other as one PNG or SVG (by @p path's suffix).
Expected<Done> writeFigure(const QVector<ChartSpec> &charts, const QString &path)
{
    QSaveFile out(path);
    auto fail = [&](const QString &why) -> Expected<Done> {
        DataError e;
        e.file = path;
        e.detail = why;
        return e;
    };
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("svg") && suffix != QLatin1String("png"))
        return fail(QStringLiteral("the figure is written as .png or .svg, not '.%1'").arg(suffix));
    if (!out.open(QIODevice::WriteOnly))
        return fail(out.errorString());
    double width = 0, height = 0;
    for (const ChartSpec &c : charts) {
        width = std::max(width, c.width);
        height += c.height;
    }
    if (suffix == QLatin1String("svg")) {
        QString svg = QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" "
                                     "height=\"%2\" viewBox=\"0 0 %1 %2\">\n")
                          .arg(width)
                          .arg(height);
        double y = 0;
        for (const ChartSpec &c : charts) {
            // Nested <svg> elements keep each chart's own coordinates, placed by y.
            QString one = chartToSvg(c);
            one.replace(one.indexOf(QLatin1String("<svg")), 4,
                        QStringLiteral("<svg x=\"0\" y=\"%1\"").arg(y));
            svg += one + QLatin1Char('\n');
            y += c.height;
        }
        svg += QStringLiteral("</svg>\n");
        out.write(svg.toUtf8());
    } else {
        const double scale = 2.0;
        QImage image(int(width * scale), int(height * scale), QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        double y = 0;
        for (const ChartSpec &c : charts) {
            painter.drawImage(QPointF(0, y * scale), chartToImage(c, scale));
            y += c.height;
        }
        painter.end();
        if (!image.save(&out, "PNG"))
            return fail(QStringLiteral("cannot encode the PNG"));
    }
    if (!out.commit())
        return fail(out.errorString());
    return Done{};
}

int curves(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Per-epoch curves of metrics, one line per method (mean ± std over its runs)."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("curves"), QStringLiteral("Subcommand."));
    addSelectionOptions(p);
    p.addOptions({{QStringLiteral("metric"),
                   QStringLiteral("A per-epoch metric (repeatable: one chart each)."),
                   QStringLiteral("NAME")},
                  {QStringLiteral("title"), QStringLiteral("Title of the first chart."),
                   QStringLiteral("TEXT")}});
    parseOrExit(p, args);
    const QStringList metrics = p.values(QStringLiteral("metric"));
    const QString by = groupingOf(p);
    if (metrics.isEmpty() || p.value(QStringLiteral("out")).isEmpty() || by.isEmpty())
        return fail(QStringLiteral("usage: equiscope-cli plot curves --metric NAME [--metric NAME] "
                                   "[--by method|name|point] [--match TEXT] --out FILE.png|.svg"),
                    kExitUsage);
    auto selection = selectRuns(p);
    if (!selection)
        return fail(selection.error().toString());
    auto store = RunStore::open(selection->storePath);
    if (!store)
        return fail(store.error().toString());
    // values[metric][group][epoch] = the runs' values
    QMap<QString, QMap<QString, QMap<int, QVector<double>>>> values;
    QMap<QString, QSet<QString>> runsOf;
    QSet<QString> seenKeys;
    for (const RunRecord &r : selection->runs) {
        auto epochs = store.value()->epochs(r.id);
        if (!epochs)
            return fail(epochs.error().toString());
        for (const EpochRecord &e : epochs.value()) {
            for (auto it = e.metrics.begin(); it != e.metrics.end(); ++it)
                if (it.value().isDouble())
                    seenKeys.insert(it.key());
            for (const QString &m : metrics) {
                const QJsonValue v = e.metrics.value(m);
                if (v.isDouble() && std::isfinite(v.toDouble())) {
                    values[m][groupOf(r, by)][e.epoch] << v.toDouble();
                    runsOf[groupOf(r, by)].insert(r.id);
                }
            }
        }
    }
    QVector<ChartSpec> charts;
    for (const QString &m : metrics) {
        if (!values.contains(m)) {
            QStringList known = seenKeys.values();
            known.sort();
            return fail(QStringLiteral("%1: no selected run records '%2' per epoch; their epochs "
                                       "have: %3")
                            .arg(selection->storePath, m, known.join(QStringLiteral(", "))),
                        kExitUsage);
        }
        ChartSpec c;
        c.kind = ChartSpec::Kind::Line;
        c.integerX = true;
        c.xLabel = QStringLiteral("epoch");
        c.yLabel = m;
        c.title = charts.isEmpty() && p.isSet(QStringLiteral("title"))
                      ? p.value(QStringLiteral("title"))
                      : QStringLiteral("%1 per epoch (mean ± std over runs)").arg(m);
        const auto &groups = values[m];
        const auto names = displayNames(groups.keys(), by);
        for (auto g = groups.begin(); g != groups.end(); ++g) {
            ChartSeries s;
            s.name = QStringLiteral("%1 (n = %2)").arg(names[g.key()]).arg(runsOf[g.key()].size());
            for (auto e = g.value().begin(); e != g.value().end(); ++e) {
                const QVector<double> &v = e.value();
                double mean = 0, var = 0;
                for (double x : v)
                    mean += x / double(v.size());
                for (double x : v)
                    var += (x - mean) * (x - mean) / double(std::max<qsizetype>(1, v.size() - 1));
                const double sd = v.size() > 1 ? std::sqrt(var) : NAN;
                s.points << QPointF(e.key(), mean);
                s.low << mean - sd;
                s.high << mean + sd;
            }
            c.series << s;
        }
        charts << c;
    }
    if (auto written = writeFigure(charts, p.value(QStringLiteral("out"))); !written)
        return fail(written.error().toString());
    std::fprintf(stderr, "plot: %lld runs, %lld chart(s) written to %s\n",
                 static_cast<long long>(selection->runs.size()),
                 static_cast<long long>(charts.size()), qPrintable(p.value("out")));
    return 0;
}

/// A final metric of run @p id: the whole-population row of its final metrics, else the value
/// its last epoch recorded; NaN when neither has it.
double finalValue(const RunStore &store, const QString &id, const QString &metric)
{
    if (auto rows = store.metrics(id))
        for (const MetricRow &r : rows.value())
            if (r.name == metric && r.group.isEmpty())
                return r.value;
    if (auto epochs = store.epochs(id); epochs && !epochs->isEmpty()) {
        const QJsonValue v = epochs->last().metrics.value(metric);
        if (v.isDouble())
            return v.toDouble();
    }
    return NAN;
}

int pareto(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Two final metrics of every run as a scatter with their Pareto front; one colour per "
        "method, its mean drawn larger."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("pareto"), QStringLiteral("Subcommand."));
    addSelectionOptions(p);
    p.addOptions(
        {{QStringLiteral("x"), QStringLiteral("Metric on x."), QStringLiteral("NAME")},
         {QStringLiteral("y"), QStringLiteral("Metric on y."), QStringLiteral("NAME")},
         {QStringLiteral("title"), QStringLiteral("Chart title."), QStringLiteral("TEXT")}});
    parseOrExit(p, args);
    const QString x = p.value(QStringLiteral("x")), y = p.value(QStringLiteral("y"));
    const QString by = groupingOf(p);
    if (x.isEmpty() || y.isEmpty() || p.value(QStringLiteral("out")).isEmpty() || by.isEmpty())
        return fail(QStringLiteral("usage: equiscope-cli plot pareto --x NAME --y NAME [--by "
                                   "method|name|point] [--match TEXT] --out FILE.png|.svg"),
                    kExitUsage);
    QVector<Objective> objectives;
    for (const QString &m : {x, y}) {
        const auto direction = metricDirection(m);
        if (!direction)
            return fail(QStringLiteral("'%1' has no known direction (higher or lower is "
                                       "better): the front needs one")
                            .arg(m),
                        kExitUsage);
        objectives << Objective{m, direction.value()};
    }
    auto selection = selectRuns(p);
    if (!selection)
        return fail(selection.error().toString());
    auto store = RunStore::open(selection->storePath);
    if (!store)
        return fail(store.error().toString());
    QVector<ParetoPoint> points;
    QMap<QString, ChartSeries> seriesOf;
    for (const RunRecord &r : selection->runs) {
        const double vx = finalValue(*store.value(), r.id, x);
        const double vy = finalValue(*store.value(), r.id, y);
        if (!std::isfinite(vx) || !std::isfinite(vy))
            continue;
        points << ParetoPoint{r.id, {vx, vy}};
        ChartSeries &s = seriesOf[groupOf(r, by)];
        s.line = false;
        s.points << QPointF(vx, vy);
    }
    if (points.isEmpty())
        return fail(QStringLiteral("%1: no selected run has both '%2' and '%3'")
                        .arg(selection->storePath, x, y),
                    kExitUsage);
    const ParetoFront front(objectives, points);
    ChartSpec c;
    c.kind = ChartSpec::Kind::Scatter;
    c.xLabel = x;
    c.yLabel = y;
    c.title = p.isSet(QStringLiteral("title"))
                  ? p.value(QStringLiteral("title"))
                  : QStringLiteral("%1 vs %2: every run, the method means (large) and the "
                                   "Pareto front")
                        .arg(x, y);
    int colour = 0;
    const auto names = displayNames(seriesOf.keys(), by);
    for (auto it = seriesOf.begin(); it != seriesOf.end(); ++it, ++colour) {
        const QString name = names[it.key()];
        ChartSeries runs = it.value();
        runs.name = QStringLiteral("%1 (n = %2)").arg(name).arg(runs.points.size());
        runs.color = paletteColor(colour);
        QPointF mean;
        for (const QPointF &q : runs.points)
            mean += q / double(runs.points.size());
        ChartSeries centre;
        centre.name = QStringLiteral("%1 mean").arg(name);
        centre.line = false;
        centre.highlighted = true;
        centre.color = runs.color;
        centre.points << mean;
        // Beyond a handful of series the labels of close means pile up; the legend names them.
        if (seriesOf.size() <= 4)
            centre.pointLabels << name;
        c.series << runs << centre;
    }
    for (int i : front.front())
        c.frontLine << QPointF(points[i].values[0], points[i].values[1]);
    if (auto written = writeFigure({c}, p.value(QStringLiteral("out"))); !written)
        return fail(written.error().toString());
    std::fprintf(stderr, "plot: %lld runs (%lld on the front) written to %s\n",
                 static_cast<long long>(points.size()),
                 static_cast<long long>(front.front().size()), qPrintable(p.value("out")));
    return 0;
}

} // namespace

int runPlotCommand(const QStringList &arguments)
{
    QStringList args = arguments;
    args.removeAt(1); // sub-parsers see [program, sub, ...]
    const QString sub = args.value(1);
    if (sub == QLatin1String("curves"))
        return curves(args);
    if (sub == QLatin1String("pareto"))
        return pareto(args);
    return fail(QStringLiteral("usage: equiscope-cli plot curves|pareto ... (got '%1')").arg(sub),
                kExitUsage);
}

} // namespace equiscope::cli
