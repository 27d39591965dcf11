#include "datasets/datasetopenpage.h"

#include "datasets/columntypespage.h"
#include "datasets/datasetwizard.h"

#include "data/datasetreader.h"
#include "data/foldercsvreader.h"

#include <QJsonDocument>
#include <QLabel>
#include <QProgressBar>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace equiscope {

QString datasetSummaryHtml(const Dataset &ds)
{
    QStringList splits;
    const auto counts = ds.splitCounts();
    for (auto it = counts.begin(); it != counts.end(); ++it)
        splits << DatasetOpenPage::tr("%1 %2").arg(QLocale().toString(it.value()),
                                                   splitName(it.key()));
    QStringList attributes;
    for (const Attribute &a : ds.attributes.columns())
        attributes << DatasetOpenPage::tr("%1 (%2)").arg(a.name().toHtmlEscaped(),
                                                         ColumnTypesPage::typeTitle(a.type()));
    QString html = DatasetOpenPage::tr("<b>%1</b>: %2 samples (%3)")
                       .arg(ds.name.toHtmlEscaped(), QLocale().toString(ds.size),
                            splits.join(QStringLiteral(", ")));
    if (ds.images) {
        const auto &s = ds.images->shape();
        html += DatasetOpenPage::tr(", images %1×%2×%3").arg(s.width).arg(s.height).arg(s.channels);
    } else if (ds.features) {
        html += DatasetOpenPage::tr(", %1 features per sample").arg(ds.features->cols());
    }
    html += QStringLiteral("<br>") +
            DatasetOpenPage::tr("Attributes: %1").arg(attributes.join(QStringLiteral(", ")));
    if (ds.skipped > 0) {
        html +=
            QStringLiteral("<br>") +
            DatasetOpenPage::tr("⚠ skipped as malformed: %1").arg(QLocale().toString(ds.skipped));
        if (!ds.skippedExamples.isEmpty())
            html += QStringLiteral(": ") +
                    ds.skippedExamples.mid(0, 3).join(QStringLiteral("; ")).toHtmlEscaped();
    }
    for (const QString &w : ds.warnings)
        html += QStringLiteral("<br>⚠ ") + w.toHtmlEscaped();
    return html;
}

DatasetOpenPage::DatasetOpenPage(QWidget *parent) : QWizardPage(parent)
{
    setTitle(tr("Open"));
    setSubTitle(tr("The dataset is read (and its images decoded into the cache) in the "
                   "background."));
    m_specText = new QLabel;
    m_specText->setWordWrap(true);
    m_specText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar;
    m_progress->setAccessibleName(tr("Opening progress"));
    m_result = new QLabel;
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::RichText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setAccessibleName(tr("Result"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_specText);
    layout->addWidget(m_progress);
    layout->addWidget(m_result);
    layout->addStretch(1);

    // Readers report progress from worker threads: counters read by a timer on this thread.
    m_poll = new QTimer(this);
    m_poll->setInterval(100);
    connect(m_poll, &QTimer::timeout, this, [this] {
        const qint64 total = m_total ? m_total->load() : 0;
        if (total > 0) {
            m_progress->setRange(0, 1000);
            m_progress->setValue(int(1000.0 * double(m_done->load()) / double(total)));
        }
    });
    connect(&m_watcher, &QFutureWatcher<Expected<Dataset>>::finished, this, [this] {
        m_poll->stop();
        if (m_cancel && m_cancel->load())
            return; // the user went back; a later attempt starts afresh
        Expected<Dataset> result = m_watcher.result();
        m_progress->setRange(0, 1);
        m_progress->setValue(1);
        if (!result) {
            m_error = result.error().toString();
            m_result->setText(tr("<b>⚠ Could not open the dataset.</b><br>%1<br><br>Go back to "
                                 "fix the path, the options or the column types.")
                                  .arg(m_error.toHtmlEscaped()));
            Q_EMIT completeChanged();
            Q_EMIT failed(m_error);
            return;
        }
        m_dataset = std::make_unique<Dataset>(std::move(result.value()));
        m_result->setText(datasetSummaryHtml(*m_dataset));
        Q_EMIT completeChanged();
        Q_EMIT opened();
    });
}

DatasetOpenPage::~DatasetOpenPage()
{
    cancel();
    m_watcher.waitForFinished();
}

void DatasetOpenPage::initializePage()
{
    auto *w = qobject_cast<DatasetWizard *>(wizard());
    if (!w)
        return;
    const DatasetSpec spec = w->spec();
    cancel();
    m_watcher.waitForFinished();
    m_dataset.reset();
    m_error.clear();
    QString text = tr("Format <b>%1</b>, %2").arg(spec.format, spec.path.toHtmlEscaped());
    QVariantMap shown = spec.options;
    if (shown.contains(QStringLiteral("types")))
        shown.insert(QStringLiteral("types"),
                     typesOptionText(shown.value(QStringLiteral("types")).toMap()));
    QStringList options;
    for (auto it = shown.constBegin(); it != shown.constEnd(); ++it)
        options << QStringLiteral("%1=%2").arg(it.key(), it.value().toString());
    if (!options.isEmpty())
        text += QStringLiteral("<br>") +
                tr("Options: %1").arg(options.join(QStringLiteral(", ")).toHtmlEscaped());
    m_specText->setText(text);
    m_result->setText(tr("Opening…"));
    m_progress->setRange(0, 0); // busy until the reader reports a total
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_done = std::make_shared<std::atomic<qint64>>(0);
    m_total = std::make_shared<std::atomic<qint64>>(0);
    ReadContext context;
    context.cancelled = [cancel = m_cancel] { return cancel->load(); };
    context.progress = [done = m_done, total = m_total](qint64 d, qint64 t) {
        done->store(d);
        total->store(t);
    };
    m_poll->start();
    Q_EMIT completeChanged();
    m_watcher.setFuture(QtConcurrent::run([spec, context] { return openDataset(spec, context); }));
}

void DatasetOpenPage::cleanupPage()
{
    cancel();
    m_dataset.reset();
    m_error.clear();
}

void DatasetOpenPage::cancel()
{
    if (m_cancel && m_watcher.isRunning())
        m_cancel->store(true);
}

bool DatasetOpenPage::isComplete() const
{
    return m_dataset != nullptr;
}

} // namespace equiscope
