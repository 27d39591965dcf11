#include "datasets/associationscandialog.h"

#include "datasets/associationheatmap.h"

#include "data/datasetpreview.h"
#include "eval/associationcell.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace equiscope {

namespace {
constexpr int kPairRole = Qt::UserRole + 1;
constexpr int kExampleSize = 64;

/// A table cell that sorts by number, not by its text.
class NumberItem : public QTableWidgetItem
{
public:
    NumberItem(double value, const QString &text) : QTableWidgetItem(text)
    {
        setData(Qt::UserRole, value);
    }
    bool operator<(const QTableWidgetItem &other) const override
    {
        return data(Qt::UserRole).toDouble() < other.data(Qt::UserRole).toDouble();
    }
};
} // namespace

QString AssociationScanDialog::findingText(const AssociationScan &scan, const AssociationFinding &f)
{
    const AssociationPair &p = scan.pairs[size_t(f.pair)];
    const QString strength = p.value >= 0.5   ? tr("strong")
                             : p.value >= 0.3 ? tr("moderate")
                                              : tr("weak");
    const QString q = p.qValue < 0.001 ? tr("q < %1").arg(QLocale().toString(0.001))
                                       : tr("q = %1").arg(QLocale().toString(p.qValue, 'g', 2));
    const QString measure =
        tr("%1 = %2 (%3; %4, %5 images)")
            .arg(associationStatisticSymbol(p.statistic), QLocale().toString(p.value, 'f', 2),
                 strength, q, QLocale().toString(p.rows));
    if (f.involvesTarget) {
        const QString other =
            scan.attributes.at(p.a == scan.attributes.indexOf(scan.target) ? p.b : p.a);
        return tr("%1 predicts the target %2: %3").arg(other, scan.target, measure);
    }
    return tr("%1 goes with %2: %3").arg(scan.attributes.at(p.a), scan.attributes.at(p.b), measure);
}

AssociationScanDialog::AssociationScanDialog(const Dataset &dataset, QWidget *parent)
    : QDialog(parent), m_dataset(dataset)
{
    setWindowTitle(tr("Scan Associations — %1").arg(dataset.name));
    setAttribute(Qt::WA_DeleteOnClose);

    m_target = new QComboBox;
    m_target->addItem(tr("(none)"), QString());
    for (const QString &name : dataset.attributes.names())
        m_target->addItem(name, name);
    m_target->setCurrentIndex(std::max(0, m_target->findData(dataset.defaultTarget)));
    m_target->setAccessibleName(tr("Target"));
    m_target->setToolTip(tr("Associations with the target are listed first: an attribute that "
                            "predicts it is a shortcut a model can learn."));
    m_rows = new QSpinBox;
    m_rows->setRange(100, 10000000);
    m_rows->setSingleStep(5000);
    m_rows->setValue(int(std::min<qint64>(20000, std::max<qint64>(100, dataset.size))));
    m_rows->setAccessibleName(tr("Rows"));
    m_rows->setToolTip(tr("The scan runs on a seeded sample of at most this many images."));
    m_permutations = new QSpinBox;
    m_permutations->setRange(99, 99999);
    m_permutations->setValue(1999);
    m_permutations->setAccessibleName(tr("Permutations"));
    m_permutations->setToolTip(tr("Permutations per pair at most; fewer when the evidence is "
                                  "clear. 1,999 can show significance for up to 100 pairs."));
    m_scanButton = new QPushButton(tr("&Scan"));
    m_cancelButton = new QPushButton(tr("Ca&ncel Scan"));
    m_cancelButton->setEnabled(false);
    m_progress = new QProgressBar;
    m_progress->setAccessibleName(tr("Scan progress"));
    m_progress->setVisible(false);
    connect(m_scanButton, &QPushButton::clicked, this, &AssociationScanDialog::startScan);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] { m_cancel = true; });

    auto *form = new QFormLayout;
    form->addRow(tr("&Target:"), m_target);
    form->addRow(tr("&Rows:"), m_rows);
    form->addRow(tr("&Permutations:"), m_permutations);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_scanButton);
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_progress, 1);

    m_status = new QLabel(tr("Press Scan to test every pair of attributes."));
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Scan status"));

    m_findings = new QListWidget;
    m_findings->setAccessibleName(tr("Findings"));
    m_findings->setAccessibleDescription(
        tr("Significant associations at least weak in strength, those with the target first. "
           "Select one to see the cell that drives it."));
    m_findings->setWordWrap(true);
    auto *findingsLabel = new QLabel(tr("&Findings (shortcut risks first):"));
    findingsLabel->setBuddy(m_findings);

    m_heatmap = new AssociationHeatmap;
    m_pairs = new QTableWidget(0, 7);
    m_pairs->setHorizontalHeaderLabels({tr("Attribute"), tr("Attribute"), tr("Statistic"),
                                        tr("Strength"), tr("p"), tr("q"), tr("Rows")});
    m_pairs->setAccessibleName(tr("Pairs"));
    m_pairs->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_pairs->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_pairs->setSelectionMode(QAbstractItemView::SingleSelection);
    m_pairs->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_pairs->verticalHeader()->setVisible(false);
    m_pairs->setSortingEnabled(true);
    auto *tabs = new QTabWidget;
    tabs->addTab(m_heatmap, tr("&Heatmap"));
    tabs->addTab(m_pairs, tr("Pa&irs"));

    auto *cellBox = new QGroupBox(tr("What drives it"));
    m_cell = new QLabel(tr("Select a finding, a pair or a heatmap cell."));
    m_cell->setWordWrap(true);
    m_cell->setAccessibleName(tr("Driving cell"));
    m_examples = new QListWidget;
    m_examples->setAccessibleName(tr("Example images of the cell"));
    m_examples->setViewMode(QListView::IconMode);
    m_examples->setIconSize(QSize(kExampleSize, kExampleSize));
    m_examples->setFlow(QListView::LeftToRight);
    m_examples->setWrapping(false);
    m_examples->setMinimumHeight(kExampleSize + 40);
    m_examples->setMaximumHeight(kExampleSize + 60);
    auto *cellLayout = new QVBoxLayout(cellBox);
    cellLayout->addWidget(m_cell);
    cellLayout->addWidget(m_examples);

    auto *findingsBox = new QWidget;
    auto *findingsLayout = new QVBoxLayout(findingsBox);
    findingsLayout->setContentsMargins(0, 0, 0, 0);
    findingsLayout->addWidget(findingsLabel);
    findingsLayout->addWidget(m_findings);
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(findingsBox);
    splitter->addWidget(tabs);
    splitter->addWidget(cellBox);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 0);
    splitter->setChildrenCollapsible(false);

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::close);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);
    layout->addWidget(close);
    resize(760, 680);

    connect(m_findings, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (!item || !m_scan)
            return;
        const AssociationPair &p = m_scan->pairs[size_t(item->data(kPairRole).toInt())];
        showPair(p.a, p.b);
    });
    connect(m_pairs, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (row < 0 || !m_scan || !m_pairs->item(row, 0))
            return;
        const AssociationPair &p =
            m_scan->pairs[size_t(m_pairs->item(row, 0)->data(kPairRole).toInt())];
        showPair(p.a, p.b);
    });
    connect(m_heatmap, &AssociationHeatmap::pairActivated, this, &AssociationScanDialog::showPair);

    m_poll = new QTimer(this);
    m_poll->setInterval(100);
    connect(m_poll, &QTimer::timeout, this, [this] {
        m_progress->setMaximum(std::max(1, m_total.load()));
        m_progress->setValue(m_done.load());
    });
    connect(&m_watcher, &QFutureWatcher<Expected<AssociationScan>>::finished, this,
            [this] { showResult(m_watcher.result()); });
}

AssociationScanDialog::~AssociationScanDialog()
{
    m_cancel = true;
    m_watcher.waitForFinished();
}

bool AssociationScanDialog::isScanning() const
{
    return m_watcher.isRunning();
}

void AssociationScanDialog::startScan()
{
    if (isScanning())
        return;
    AssociationScanOptions o;
    o.source = m_dataset.spec.path.isEmpty() ? m_dataset.name : m_dataset.spec.path;
    o.target = m_target->currentData().toString();
    o.maxRows = m_rows->value();
    o.permutations = m_permutations->value();
    o.cancel = &m_cancel;
    o.progress = [this](int done, int total) {
        m_done = done;
        m_total = total;
    };
    m_cancel = false;
    m_done = 0;
    m_total = 0;
    m_scanButton->setEnabled(false);
    m_cancelButton->setEnabled(true);
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_status->setText(tr("Scanning…"));
    m_poll->start();
    const AttributeTable table = m_dataset.attributes;
    m_watcher.setFuture(QtConcurrent::run([table, o] { return scanAssociations(table, o); }));
}

void AssociationScanDialog::showResult(Expected<AssociationScan> result)
{
    m_poll->stop();
    m_scanButton->setEnabled(true);
    m_cancelButton->setEnabled(false);
    m_progress->setVisible(false);
    if (!result) {
        m_status->setText(m_cancel ? tr("Scan cancelled.")
                                   : tr("Cannot scan: %1").arg(result.error().toString()));
        Q_EMIT scanFinished(false);
        return;
    }
    m_scan = std::make_unique<AssociationScan>(std::move(result.value()));
    const AssociationScan &s = *m_scan;
    QString status = tr("%1 attributes, %2 pairs, %3 of %4 images, %5 s; findings: q ≤ %6 and "
                        "strength ≥ %7.")
                         .arg(s.attributes.size())
                         .arg(s.pairs.size())
                         .arg(QLocale().toString(s.sampledRows), QLocale().toString(s.rows))
                         .arg(QLocale().toString(s.seconds, 'f', 1))
                         .arg(QLocale().toString(s.options.falseDiscoveryRate))
                         .arg(QLocale().toString(s.options.minimumEffect));
    for (const auto &skipped : s.skipped)
        status += QLatin1Char(' ') + tr("Left out: %1 (%2).").arg(skipped.first, skipped.second);
    m_status->setText(status);

    m_findings->clear();
    for (const AssociationFinding &f : s.findings) {
        auto *item = new QListWidgetItem(findingText(s, f), m_findings);
        item->setToolTip(f.text);
        item->setData(kPairRole, f.pair);
        if (f.involvesTarget) {
            QFont bold = item->font();
            bold.setBold(true);
            item->setFont(bold);
        }
    }
    if (s.findings.empty())
        new QListWidgetItem(tr("No association is both significant and at least weak."),
                            m_findings);

    m_heatmap->setScan(s);
    m_pairs->setSortingEnabled(false);
    m_pairs->setRowCount(int(s.pairs.size()));
    for (int row = 0; row < int(s.pairs.size()); ++row) {
        const AssociationPair &p = s.pairs[size_t(row)];
        const bool tested = !std::isnan(p.pValue);
        auto *first = new QTableWidgetItem(s.attributes.at(p.a));
        first->setData(kPairRole, row);
        m_pairs->setItem(row, 0, first);
        m_pairs->setItem(row, 1, new QTableWidgetItem(s.attributes.at(p.b)));
        m_pairs->setItem(row, 2, new QTableWidgetItem(associationStatisticSymbol(p.statistic)));
        m_pairs->setItem(
            row, 3,
            new NumberItem(tested ? p.value : -1,
                           tested ? QLocale().toString(p.value, 'f', 3) : tr("not tested")));
        m_pairs->setItem(
            row, 4,
            new NumberItem(tested ? p.pValue : 2,
                           tested ? QLocale().toString(p.pValue, 'g', 3) : QStringLiteral("—")));
        m_pairs->setItem(
            row, 5,
            new NumberItem(tested ? p.qValue : 2,
                           tested ? QLocale().toString(p.qValue, 'g', 3) : QStringLiteral("—")));
        m_pairs->setItem(row, 6, new NumberItem(double(p.rows), QLocale().toString(p.rows)));
        const QString tip = p.note.isEmpty() ? QString() : p.note;
        for (int c = 0; c < 7; ++c)
            m_pairs->item(row, c)->setToolTip(tip);
    }
    m_pairs->setSortingEnabled(true);
    m_pairs->sortItems(3, Qt::DescendingOrder);
    if (m_findings->count() > 0 && !s.findings.empty())
        m_findings->setCurrentRow(0);
    Q_EMIT scanFinished(true);
}

void AssociationScanDialog::showPair(int a, int b)
{
    if (!m_scan || a < 0 || b < 0 || a >= m_scan->attributes.size() ||
        b >= m_scan->attributes.size())
        return;
    m_examples->clear();
    m_examples->setVisible(false);
    auto cell = strongestCell(m_dataset.attributes, m_scan->attributes.at(a),
                              m_scan->attributes.at(b), 8, m_scan->options.seed);
    if (!cell) {
        m_cell->setText(tr("%1 × %2: no single cell drives it (numbers or vectors); the strength "
                           "is a distance correlation over all values.")
                            .arg(m_scan->attributes.at(a), m_scan->attributes.at(b)));
        return;
    }
    if (cell->levelB.isEmpty())
        m_cell->setText(tr("%1=%2: %3 images, mean %4 %5 against %6 overall.")
                            .arg(cell->attributeA, cell->levelA, QLocale().toString(cell->rows),
                                 cell->attributeB, QLocale().toString(cell->mean, 'g', 3),
                                 QLocale().toString(cell->overallMean, 'g', 3)));
    else
        m_cell->setText(tr("%1=%2 × %3=%4: %5 images where %6 were expected if the two were "
                           "independent.")
                            .arg(cell->attributeA, cell->levelA, cell->attributeB, cell->levelB,
                                 QLocale().toString(cell->rows),
                                 QLocale().toString(cell->expected, 'f', 0)));
    if (!m_dataset.images || cell->examples.empty())
        return;
    m_examples->setVisible(true);
    for (const qint64 sample : cell->examples) {
        const QImage image =
            datasetImage(m_dataset, sample)
                .scaled(kExampleSize, kExampleSize, Qt::KeepAspectRatio, Qt::FastTransformation);
        auto *item = new QListWidgetItem(QIcon(QPixmap::fromImage(image)), QString(), m_examples);
        item->setToolTip(tr("Image %1").arg(sample));
        item->setData(Qt::AccessibleTextRole, tr("Image %1").arg(sample));
    }
}

void AssociationScanDialog::closeEvent(QCloseEvent *event)
{
    m_cancel = true;
    QDialog::closeEvent(event);
}

} // namespace equiscope
