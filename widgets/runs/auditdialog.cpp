#include "runs/auditdialog.h"

#include "report/reportbuilder.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace equiscope {

namespace {
/// The "no such column" entry of the prediction and score boxes.
QString none()
{
    return QCoreApplication::translate("equiscope::AuditDialog", "(none)");
}
} // namespace

AuditDialog::AuditDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Prediction audit"));
    setAccessibleName(tr("Prediction audit"));
    m_file = new QLineEdit(this);
    m_file->setPlaceholderText(tr("predictions.csv"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    m_label = new QComboBox(this);
    m_prediction = new QComboBox(this);
    m_score = new QComboBox(this);
    m_groups = new QListWidget(this);
    m_groups->setToolTip(tr("Tick one or more columns; several form intersectional groups"));
    m_groups->setMaximumHeight(120);
    m_minGroup = new QSpinBox(this);
    m_minGroup->setRange(1, 100000);
    m_minGroup->setValue(30);
    m_minGroup->setToolTip(tr("Smaller groups are shown as \"too small to judge\""));
    m_run = new QPushButton(tr("Audit"), this);
    m_save = new QPushButton(tr("Save Report…"), this);
    m_save->setEnabled(false);
    m_output = new QPlainTextEdit(this);
    m_output->setReadOnly(true);
    m_output->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_output->setMinimumSize(640, 260);
    m_status = new QLabel(this);

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(tr("Predictions CSV"), fileRow);
    form->addRow(tr("Label column"), m_label);
    form->addRow(tr("Prediction column"), m_prediction);
    form->addRow(tr("Score column"), m_score);
    form->addRow(tr("Group columns"), m_groups);
    form->addRow(tr("Minimum group size"), m_minGroup);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_save);
    buttons->addWidget(m_status, 1);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_output, 1);
    layout->addWidget(close);

    connect(browse, &QPushButton::clicked, this, &AuditDialog::browse);
    connect(m_file, &QLineEdit::editingFinished, this, [this] { openCsv(m_file->text()); });
    connect(m_run, &QPushButton::clicked, this, &AuditDialog::runAudit);
    connect(m_save, &QPushButton::clicked, this, &AuditDialog::saveReport);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        const Expected<AuditResult> r = m_watcher.result();
        m_run->setEnabled(true);
        if (!r) {
            m_result.reset();
            m_status->setText(tr("Audit failed"));
            m_output->setPlainText(r.error().toString());
        } else {
            m_result = r.value();
            m_status->setText(tr("%n group(s)", nullptr, int(r->report.groups.size())));
            m_output->setPlainText(r->toText());
        }
        m_save->setEnabled(m_result.has_value());
        Q_EMIT audited(r.ok());
    });
}

AuditDialog::~AuditDialog()
{
    m_watcher.waitForFinished();
}

bool AuditDialog::openCsv(const QString &csvPath)
{
    QFile f(csvPath);
    if (!f.open(QIODevice::ReadOnly)) {
        m_status->setText(tr("Cannot read %1").arg(csvPath));
        return false;
    }
    m_file->setText(csvPath);
    // The header row is enough to offer the columns; the whole file is parsed by the audit.
    QStringList columns;
    try {
        columns = CsvTable::parse(f.readLine(), csvPath).header;
    } catch (const DataException &e) {
        m_status->setText(e.error().toString());
        return false;
    }
    for (QComboBox *box : {m_label, m_prediction, m_score}) {
        box->clear();
        if (box != m_label)
            box->addItem(none());
        box->addItems(columns);
    }
    m_groups->clear();
    for (const QString &c : columns) {
        auto *item = new QListWidgetItem(c, m_groups);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    auto guess = [&](QComboBox *box, const QStringList &names) {
        for (const QString &n : names)
            if (columns.contains(n)) {
                box->setCurrentText(n);
                return;
            }
    };
    guess(m_label, {"label", "y", "target", "y_true"});
    guess(m_prediction, {"pred", "prediction", "yhat", "y_pred"});
    guess(m_score, {"score", "probability", "p"});
    for (int i = 0; i < m_groups->count(); ++i)
        if (QStringList{"group", "sex", "gender", "race"}.contains(m_groups->item(i)->text()))
            m_groups->item(i)->setCheckState(Qt::Checked);
    m_status->setText(tr("%n column(s)", nullptr, int(columns.size())));
    return true;
}

void AuditDialog::setColumns(const QString &label, const QString &prediction, const QString &score,
                             const QStringList &groups)
{
    m_label->setCurrentText(label);
    m_prediction->setCurrentText(prediction.isEmpty() ? none() : prediction);
    m_score->setCurrentText(score.isEmpty() ? none() : score);
    for (int i = 0; i < m_groups->count(); ++i)
        m_groups->item(i)->setCheckState(
            groups.contains(m_groups->item(i)->text()) ? Qt::Checked : Qt::Unchecked);
}

void AuditDialog::runAudit()
{
    if (m_watcher.isRunning())
        return;
    AuditOptions o;
    o.labelColumn = m_label->currentText();
    o.predictionColumn =
        m_prediction->currentText() == none() ? QString() : m_prediction->currentText();
    o.scoreColumn = m_score->currentText() == none() ? QString() : m_score->currentText();
    for (int i = 0; i < m_groups->count(); ++i)
        if (m_groups->item(i)->checkState() == Qt::Checked)
            o.groupColumns << m_groups->item(i)->text();
    o.minGroupSize = m_minGroup->value();
    const QString file = m_file->text();
    m_run->setEnabled(false);
    m_status->setText(tr("Auditing…"));
    m_watcher.setFuture(QtConcurrent::run([file, o] { return auditPredictionsFile(file, o); }));
}

QString AuditDialog::resultText() const
{
    return m_output->toPlainText();
}

void AuditDialog::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open predictions"), QString(),
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        openCsv(path);
}

void AuditDialog::saveReport()
{
    if (!m_result)
        return;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save audit report"), QStringLiteral("audit.html"),
                                     tr("HTML report (*.html);;PDF report (*.pdf)"));
    if (path.isEmpty())
        return;
    const ReportDocument doc =
        ReportBuilder({m_result->toReportRun()}).buildAudit(m_result->sourceFacts());
    auto written =
        writeReport(doc,
                    QFileInfo(path).suffix().toLower() == QLatin1String("pdf") ? ReportFormat::Pdf
                                                                               : ReportFormat::Html,
                    path);
    m_status->setText(written ? written.value() : written.error().toString());
}

} // namespace equiscope
