#include "views/clusteringview.h"

#include "store/artifactkinds.h"

#include "common/plotstyle.h"

#include "store/runstore.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <limits>

namespace equiscope {

namespace {

double quantile(const std::vector<double> &sorted, double q)
{
    if (sorted.empty())
        return 0;
    const double pos = q * double(sorted.size() - 1);
    const size_t lo = size_t(std::floor(pos)), hi = size_t(std::ceil(pos));
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - double(lo));
}

QCustomPlot *makePlot(QWidget *parent, const QString &name, const QString &x, const QString &y)
{
    auto *plot = new QCustomPlot(parent);
    plot->setAccessibleName(name);
    plot->setMinimumSize(260, 200);
    plot->xAxis->setLabel(x);
    plot->yAxis->setLabel(y);
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(
        0, 0, new QCPTextElement(plot, name, QFont(QString(), -1, QFont::Bold)));
    return plot;
}

/// Power-of-two size bins: 1, 2, 3–4, 5–8, …
int sizeBin(qint64 size)
{
    int b = 0;
    while ((qint64(1) << b) < size)
        ++b;
    return b;
}

QString sizeBinLabel(int b)
{
    if (b == 0)
        return QStringLiteral("1");
    if (b == 1)
        return QStringLiteral("2");
    return QStringLiteral("%1–%2").arg((qint64(1) << (b - 1)) + 1).arg(qint64(1) << b);
}

const QStringList &scoreNames()
{
    static const QStringList names{QStringLiteral("pairwise_f_score"),
                                   QStringLiteral("bcubed_f_score"),
                                   QStringLiteral("nmi"),
                                   QStringLiteral("pairwise_precision"),
                                   QStringLiteral("pairwise_recall"),
                                   QStringLiteral("bcubed_precision"),
                                   QStringLiteral("bcubed_recall"),
                                   QStringLiteral("fowlkes_mallows"),
                                   QStringLiteral("weighted_purity")};
    return names;
}

} // namespace

ClusteringView::ClusteringView(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("Clustering fairness"));
    m_score = new QComboBox(this);
    m_score->setAccessibleName(tr("Score per group"));
    m_score->addItems(scoreNames());
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setAccessibleName(tr("Clustering summary"));

    m_scorePlot = makePlot(this, tr("Score per group"), tr("group"), tr("score"));
    m_boxPlot = makePlot(this, tr("Purity of the predicted clusters"),
                         tr("group (majority of the cluster's members)"), tr("purity"));
    m_histogram = makePlot(this, tr("Purity histogram"), tr("purity"), tr("fraction of clusters"));
    m_histogram->legend->setVisible(true);
    m_histogram->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    m_histogramGroup = new QComboBox(this);
    m_histogramGroup->setAccessibleName(tr("Histogram group"));
    m_histogramGroup->setToolTip(tr("The group whose cluster purities are compared with all "
                                    "clusters' in the histogram."));
    m_sizePlot = makePlot(this, tr("Cluster sizes"), tr("predicted cluster size"), tr("clusters"));

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Score:"), this));
    top->addWidget(m_score);
    top->addWidget(m_summary, 1);
    top->addWidget(new QLabel(tr("Histogram:"), this));
    top->addWidget(m_histogramGroup);
    auto *grid = new QGridLayout;
    grid->addWidget(m_scorePlot, 0, 0);
    grid->addWidget(m_boxPlot, 0, 1);
    grid->addWidget(m_histogram, 1, 0);
    grid->addWidget(m_sizePlot, 1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(grid, 1);

    connect(m_score, &QComboBox::currentTextChanged, this, [this] { drawScores(); });
    connect(m_histogramGroup, &QComboBox::currentIndexChanged, this, [this] { drawHistogram(); });
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        m_artifacts = m_watcher.result();
        drawScores();
        drawPurity();
        drawSizes();
        Q_EMIT loaded();
    });
}

ClusteringView::~ClusteringView()
{
    m_watcher.waitForFinished();
}

void ClusteringView::setRun(const QString &storePath, const RunSummary &run)
{
    m_run = run;
    m_artifacts = Artifacts{};
    // An approximate kNN graph's recall per group is one more per-group score, offered only for
    // runs that measured it.
    const QString recall = QStringLiteral("knn_recall");
    const bool hasRecall = m_run.finalValue(recall).has_value();
    const int recallItem = m_score->findText(recall);
    if (hasRecall && recallItem < 0)
        m_score->addItem(recall);
    else if (!hasRecall && recallItem >= 0)
        m_score->removeItem(recallItem);
    drawScores();
    const QString id = run.record.id;
    m_watcher.waitForFinished();
    m_watcher.setFuture(QtConcurrent::run([storePath, id] {
        Artifacts a;
        RunStoreOptions o;
        o.create = false;
        o.recoverOnOpen = false;
        auto store = RunStore::open(storePath, o);
        if (!store) {
            a.error = store.error().toString();
            return a;
        }
        auto purity = store.value()->artifact(id, ArtifactKind::purity());
        auto sizes = store.value()->artifact(id, ArtifactKind::clusterSizes());
        if (!purity || !sizes) {
            a.error = tr("this run has no purity or cluster-size results yet");
            return a;
        }
        a.purity = QJsonDocument::fromJson(purity->bytes).object();
        a.sizes = QJsonDocument::fromJson(sizes->bytes).object();
        return a;
    }));
}

void ClusteringView::setScore(const QString &name)
{
    m_score->setCurrentText(name);
}

void ClusteringView::setHistogramGroup(const QString &label)
{
    m_histogramGroup->setCurrentIndex(m_histogramGroup->findData(label));
}

QString ClusteringView::shortLabel(const QString &label) const
{
    return !m_commonPrefix.isEmpty() && label.startsWith(m_commonPrefix)
               ? label.mid(m_commonPrefix.size())
               : label;
}

void ClusteringView::drawScores()
{
    const QString name = m_score->currentText();
    m_scorePlot->clearPlottables();
    m_scorePlot->clearItems();
    // "color=red", "color=blue", …: the shared "color=" moves into the axis title.
    QStringList labels;
    for (const MetricRow &m : m_run.finalMetrics)
        if (!m.group.isEmpty() && !labels.contains(m.group))
            labels << m.group;
    m_commonPrefix.clear();
    if (!labels.isEmpty() && labels.first().contains(QLatin1Char('='))) {
        const QString prefix = labels.first().section(QLatin1Char('='), 0, 0) + QLatin1Char('=');
        if (std::all_of(labels.begin(), labels.end(), [&](const QString &l) {
                return l.startsWith(prefix) && !l.contains(QStringLiteral(" × "));
            }))
            m_commonPrefix = prefix;
    }
    m_scorePlot->xAxis->setLabel(
        m_commonPrefix.isEmpty() ? tr("group") : tr("group (%1)").arg(m_commonPrefix.chopped(1)));
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    auto *bars = new QCPBars(m_scorePlot->xAxis, m_scorePlot->yAxis);
    bars->setBrush(okabeIto(0));
    bars->setPen(QPen(okabeIto(0).darker(130)));
    bars->setWidth(0.6);
    QVector<double> keys, values;
    int k = 0;
    for (const MetricRow &m : m_run.finalMetrics) {
        if (m.group.isEmpty())
            continue;
        const QString label = shortLabel(m.group);
        if (m.name == QLatin1String("too_small_to_judge")) {
            ticker->addTick(k++,
                            tr("%1\n(too small, n=%2)").arg(label).arg(m.groupSize.value_or(0)));
        } else if (m.name == name) {
            ticker->addTick(k, QStringLiteral("%1\nn=%2").arg(label).arg(m.groupSize.value_or(0)));
            keys << k;
            values << m.value;
            auto *text = new QCPItemText(m_scorePlot);
            text->position->setCoords(k, m.value);
            text->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
            text->setText(QString::number(m.value, 'f', labels.size() > 6 ? 2 : 3));
            ++k;
        }
    }
    bars->setData(keys, values);
    m_scorePlot->xAxis->setTicker(ticker);
    m_scorePlot->xAxis->setRange(-0.7, std::max(1, k) - 0.3);
    m_scorePlot->yAxis->setRange(0, 1.12);
    m_scorePlot->yAxis->setLabel(name);
    const auto overall = m_run.finalValue(name);
    if (overall) {
        auto *line = new QCPItemStraightLine(m_scorePlot);
        line->point1->setCoords(0, *overall);
        line->point2->setCoords(1, *overall);
        line->setPen(QPen(okabeIto(5), 1.5, Qt::DashLine));
        auto *text = new QCPItemText(m_scorePlot);
        text->position->setType(QCPItemPosition::ptAxisRectRatio);
        text->position->setCoords(0.99, 0.02);
        text->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
        text->setColor(okabeIto(5));
        text->setText(tr("overall %1").arg(*overall, 0, 'f', 3));
    }
    m_scorePlot->replot();

    const auto stdev = m_run.finalValue(name + QStringLiteral("_group_std"));
    const auto lo = m_run.finalValue(name + QStringLiteral("_group_min"));
    const auto hi = m_run.finalValue(name + QStringLiteral("_group_max"));
    QString html = tr("<b>%1</b>: overall %2")
                       .arg(name, overall ? QString::number(*overall, 'f', 4) : tr("n/a"));
    if (stdev)
        html += tr(" · <b>std across groups %1</b> (lower is fairer)").arg(*stdev, 0, 'f', 4);
    if (lo && hi)
        html += tr(" · min %1 · max %2").arg(*lo, 0, 'f', 4).arg(*hi, 0, 'f', 4);
    if (!stdev && m_run.finalMetrics.size() > 0)
        html += tr(" · no std: fewer than two groups large enough to judge");
    const auto recall = m_run.finalValue(QStringLiteral("knn_recall"));
    if (recall) {
        const auto recallMin = m_run.finalValue(QStringLiteral("knn_recall_group_min"));
        const QString index = m_run.record.config.value(QStringLiteral("knn")).toString();
        html += QStringLiteral("<br>") + tr("kNN graph: %1, recall@k %2 of the exact neighbours")
                                             .arg(index.toUpper())
                                             .arg(*recall, 0, 'f', 3);
        if (recallMin)
            html += tr(" (lowest group %1)").arg(*recallMin, 0, 'f', 3);
    }
    if (!m_artifacts.error.isEmpty())
        html += QStringLiteral("<br>") + m_artifacts.error.toHtmlEscaped();
    m_summary->setText(html);
}

void ClusteringView::drawPurity()
{
    m_boxPlot->clearPlottables();
    m_boxPlot->clearItems();
    m_purityGroups.clear();
    const QJsonArray groups = m_artifacts.purity.value(QStringLiteral("groups")).toArray();
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    auto *boxes = new QCPStatisticalBox(m_boxPlot->xAxis, m_boxPlot->yAxis);
    boxes->setBrush(QColor(okabeIto(4).red(), okabeIto(4).green(), okabeIto(4).blue(), 120));
    boxes->setWidth(0.5);
    auto *means = m_boxPlot->addGraph();
    means->setLineStyle(QCPGraph::lsNone);
    means->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssDiamond, okabeIto(5), okabeIto(5), 9));
    means->setName(tr("size-weighted purity"));
    int k = 0;
    QString smallest;
    qint64 smallestSize = std::numeric_limits<qint64>::max();
    for (const QJsonValue &v : groups) {
        const QJsonObject g = v.toObject();
        std::vector<double> p;
        for (const QJsonValue &x : g.value(QStringLiteral("purities")).toArray())
            if (x.isDouble())
                p.push_back(x.toDouble());
        const QString label = g.value(QStringLiteral("label")).toString();
        const qint64 size = qint64(g.value(QStringLiteral("size")).toDouble());
        if (size > 0 && size < smallestSize) {
            smallestSize = size;
            smallest = label;
        }
        m_purityGroups << label;
        ticker->addTick(k, QStringLiteral("%1\n%2").arg(shortLabel(label)).arg(p.size()));
        if (!p.empty()) {
            std::sort(p.begin(), p.end());
            const double q1 = quantile(p, 0.25), med = quantile(p, 0.5), q3 = quantile(p, 0.75);
            const double iqr = q3 - q1;
            double lo = q1, hi = q3;
            QVector<double> outliers;
            for (double x : p) {
                if (x < q1 - 1.5 * iqr || x > q3 + 1.5 * iqr) {
                    outliers << x;
                } else {
                    lo = std::min(lo, x);
                    hi = std::max(hi, x);
                }
            }
            boxes->addData(k, lo, q1, med, q3, hi, outliers);
            const QJsonValue w = g.value(QStringLiteral("weightedPurity"));
            if (w.isDouble())
                means->addData(k, w.toDouble());
        }
        ++k;
    }
    m_boxPlot->xAxis->setLabel(
        m_commonPrefix.isEmpty()
            ? tr("group holding the cluster's majority (below: its number of clusters)")
            : tr("%1 of the cluster's majority (below: its number of clusters)")
                  .arg(m_commonPrefix.chopped(1)));
    m_boxPlot->xAxis->setTicker(ticker);
    m_boxPlot->xAxis->setRange(-0.7, std::max(1, k) - 0.3);
    m_boxPlot->yAxis->setRange(0, 1.05);
    m_boxPlot->legend->setVisible(k > 0);
    m_boxPlot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    boxes->removeFromLegend();
    if (k == 0) {
        auto *text = new QCPItemText(m_boxPlot);
        text->position->setType(QCPItemPosition::ptAxisRectRatio);
        text->position->setCoords(0.5, 0.5);
        text->setText(tr("no sensitive groups in this run"));
    }
    m_boxPlot->replot();

    const QSignalBlocker block(m_histogramGroup);
    const QString previous = m_histogramGroup->currentData().toString();
    m_histogramGroup->clear();
    for (const QString &label : std::as_const(m_purityGroups))
        m_histogramGroup->addItem(shortLabel(label), label);
    const int keep = m_histogramGroup->findData(previous);
    m_histogramGroup->setCurrentIndex(keep >= 0 ? keep : m_histogramGroup->findData(smallest));
    drawHistogram();
}

void ClusteringView::drawHistogram()
{
    // The chosen group's cluster purities against every cluster's, as fractions: with ten groups
    // side-by-side bars would be unreadable.
    m_histogram->clearPlottables();
    const int bins = 10;
    auto addSeries = [&](const QString &name, const std::vector<double> &p, const QColor &colour) {
        auto *bars = new QCPBars(m_histogram->xAxis, m_histogram->yAxis);
        bars->setName(name);
        bars->setBrush(colour);
        bars->setPen(Qt::NoPen);
        bars->setWidth(0.38 / bins);
        std::vector<double> counts(bins, 0);
        for (double x : p)
            counts[size_t(std::clamp(int(x * bins), 0, bins - 1))] += 1.0 / double(p.size());
        return std::make_pair(bars, counts);
    };
    std::vector<double> all;
    for (const QJsonValue &x :
         m_artifacts.purity.value(QStringLiteral("clusterPurities")).toArray())
        if (x.isDouble())
            all.push_back(x.toDouble());
    std::vector<double> chosen;
    const QString label = m_histogramGroup->currentData().toString();
    for (const QJsonValue &v : m_artifacts.purity.value(QStringLiteral("groups")).toArray())
        if (v.toObject().value(QStringLiteral("label")).toString() == label)
            for (const QJsonValue &x : v.toObject().value(QStringLiteral("purities")).toArray())
                if (x.isDouble())
                    chosen.push_back(x.toDouble());
    double top = 0.05;
    if (!all.empty()) {
        auto [bars, counts] =
            addSeries(tr("all %1 clusters").arg(all.size()), all, QColor(150, 150, 150));
        for (int b = 0; b < bins; ++b) {
            bars->addData((b + 0.3) / bins, counts[size_t(b)]);
            top = std::max(top, counts[size_t(b)]);
        }
    }
    if (!chosen.empty()) {
        auto [bars, counts] = addSeries(
            tr("%1: %2 clusters").arg(shortLabel(label)).arg(chosen.size()), chosen, okabeIto(0));
        for (int b = 0; b < bins; ++b) {
            bars->addData((b + 0.7) / bins, counts[size_t(b)]);
            top = std::max(top, counts[size_t(b)]);
        }
    }
    m_histogram->xAxis->setRange(0, 1.0);
    m_histogram->yAxis->setRange(0, top * 1.15);
    m_histogram->legend->setVisible(!all.empty());
    m_histogram->replot();
}

void ClusteringView::drawSizes()
{
    m_sizePlot->clearPlottables();
    m_sizePlot->clearItems();
    std::map<int, double> byBin;
    for (const QJsonValue &v : m_artifacts.sizes.value(QStringLiteral("histogram")).toArray()) {
        const QJsonArray h = v.toArray();
        byBin[sizeBin(qint64(h.at(0).toDouble()))] += h.at(1).toDouble();
    }
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    QStringList binLabels;
    auto *bars = new QCPBars(m_sizePlot->xAxis, m_sizePlot->yAxis);
    bars->setBrush(okabeIto(2));
    bars->setPen(QPen(okabeIto(2).darker(130)));
    bars->setWidth(0.7);
    const int lastBin = byBin.empty() ? 0 : byBin.rbegin()->first;
    double top = 1;
    for (int b = 0; b <= lastBin; ++b) {
        binLabels << sizeBinLabel(b);
        ticker->addTick(b, binLabels.last());
        const double count = byBin.count(b) ? byBin[b] : 0;
        bars->addData(b, count);
        top = std::max(top, count);
    }
    m_sizePlot->xAxis->setTicker(ticker);
    PlotStyle::rotateTickLabels(m_sizePlot->xAxis, lastBin > 8 ? 45 : 0, binLabels);
    m_sizePlot->xAxis->setRange(-0.7, lastBin + 0.7);
    m_sizePlot->yAxis->setRange(0, top * 1.15);
    const QJsonObject s = m_artifacts.sizes;
    if (!s.isEmpty()) {
        auto *text = new QCPItemText(m_sizePlot);
        text->position->setType(QCPItemPosition::ptAxisRectRatio);
        text->position->setCoords(0.98, 0.02);
        text->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
        text->setTextAlignment(Qt::AlignRight);
        text->setText(tr("%1 clusters for %2 true classes\n%3 singletons · median %4 · max %5")
                          .arg(s.value(QStringLiteral("clusters")).toInt())
                          .arg(s.value(QStringLiteral("classes")).toInt())
                          .arg(s.value(QStringLiteral("singletons")).toInt())
                          .arg(s.value(QStringLiteral("median")).toDouble())
                          .arg(s.value(QStringLiteral("max")).toInt()));
    }
    m_sizePlot->replot();
}

} // namespace equiscope
