#include "runs/exportactions.h"

#include "runs/auditdialog.h"

#include "export/modelexport.h"
#include "report/reportbuilder.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QWidget>
#include <QtConcurrent/QtConcurrentRun>

namespace equiscope {

ExportActions::ExportActions(QWidget *dialogParent) : QObject(dialogParent), m_parent(dialogParent)
{
    m_report = new QAction(tr("&Export Report…"), this);
    m_report->setToolTip(tr("Write an HTML or PDF report of the selected run(s)"));
    m_model = new QAction(tr("Export Mode&l…"), this);
    m_model->setToolTip(tr("Write the selected run's model: safetensors, LibTorch archive, "
                           "config and model card"));
    m_audit = new QAction(tr("Open Prediction &Audit…"), this);
    m_audit->setToolTip(tr("Audit a CSV of predictions made by any model"));
    connect(m_report, &QAction::triggered, this, &ExportActions::chooseReportFile);
    connect(m_model, &QAction::triggered, this, &ExportActions::chooseModelFolder);
    connect(m_audit, &QAction::triggered, this, [this] {
        auto *dialog = new AuditDialog(m_parent);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        const Expected<QString> result = m_watcher.result();
        const QString message = result ? result.value() : result.error().toString();
        updateEnabled();
        if (m_interactive) {
            if (result)
                QMessageBox::information(m_parent, tr("Export finished"), message);
            else
                QMessageBox::warning(m_parent, tr("Export failed"), message);
        }
        Q_EMIT finished(result.ok(), message);
    });
    updateEnabled();
}

ExportActions::~ExportActions()
{
    m_watcher.waitForFinished();
}

void ExportActions::setStorePath(const QString &path)
{
    m_storePath = path;
    updateEnabled();
}

void ExportActions::setRunIds(const QStringList &ids)
{
    m_runIds = ids;
    updateEnabled();
}

void ExportActions::updateEnabled()
{
    const bool idle = !m_watcher.isRunning();
    m_report->setEnabled(idle && !m_runIds.isEmpty() && !m_storePath.isEmpty());
    m_model->setEnabled(idle && m_runIds.size() == 1 && !m_storePath.isEmpty());
}

void ExportActions::start(std::function<Expected<QString>()> work)
{
    if (m_watcher.isRunning())
        return;
    m_watcher.setFuture(QtConcurrent::run(std::move(work)));
    updateEnabled();
}

void ExportActions::exportReport(const QString &path)
{
    const QString store = m_storePath;
    const QStringList ids = m_runIds;
    const ReportFormat format = QFileInfo(path).suffix().toLower() == QLatin1String("pdf")
                                    ? ReportFormat::Pdf
                                    : ReportFormat::Html;
    start([store, ids, format, path] { return exportRunReport(store, ids, format, path); });
}

void ExportActions::exportModel(const QString &directory)
{
    const QString store = m_storePath;
    const QString id = m_runIds.value(0);
    start([store, id, directory]() -> Expected<QString> {
        auto result = equiscope::exportModel(store, id, directory);
        if (!result)
            return result.error();
        return tr("Wrote %1 to %2 (%3 parameters).")
            .arg(result->files.join(QStringLiteral(", ")), result->directory)
            .arg(result->parameters);
    });
}

void ExportActions::chooseReportFile()
{
    QString selected;
    const QString path =
        QFileDialog::getSaveFileName(m_parent, tr("Export report"),
                                     QDir::home().filePath(QStringLiteral("equiscope-report.html")),
                                     tr("HTML report (*.html);;PDF report (*.pdf)"), &selected);
    if (path.isEmpty())
        return;
    QString file = path;
    if (QFileInfo(file).suffix().isEmpty())
        file += selected.contains(QLatin1String("pdf")) ? QStringLiteral(".pdf")
                                                        : QStringLiteral(".html");
    exportReport(file);
}

void ExportActions::chooseModelFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(m_parent, tr("Export model into folder"),
                                                          QDir::homePath());
    if (!dir.isEmpty())
        exportModel(dir);
}

} // namespace equiscope
