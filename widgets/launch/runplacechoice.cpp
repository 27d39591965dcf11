#include "launch/runplacechoice.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QThread>

namespace equiscope {

RunPlaceChoice::RunPlaceChoice(QWidget *parent) : QWidget(parent)
{
    m_place = new QComboBox;
    m_place->setAccessibleName(tr("Run on"));
    m_place->addItem(tr("This workbench"));
    m_place->addItem(tr("Local processes (data-parallel)"));
    m_place->addItem(tr("Slurm cluster"));
    m_place->setItemData(0, tr("Train in the workbench's own run queue."), Qt::ToolTipRole);
    m_place->setItemData(1,
                         tr("Train as several processes of one data-parallel run on this "
                            "machine (equiscope-cli --nproc); the batch is split over them."),
                         Qt::ToolTipRole);
    if (const QString why = ExternalRun::slurmUnavailableReason(); !why.isEmpty()) {
        if (auto *model = qobject_cast<QStandardItemModel *>(m_place->model()))
            model->item(2)->setEnabled(false);
        m_place->setItemData(2, why, Qt::ToolTipRole);
    } else {
        m_place->setItemData(2,
                             tr("Submit the run as a Slurm job (sbatch); its state is polled "
                                "and the finished run is merged into this store."),
                             Qt::ToolTipRole);
    }

    m_processes = new QSpinBox;
    m_processes->setRange(2, 64);
    m_processes->setValue(std::clamp(QThread::idealThreadCount(), 2, 64));
    m_processes->setAccessibleName(tr("Processes"));
    m_processes->setToolTip(tr("Ranks of the data-parallel run; each takes its share of the "
                               "batch and of the cores."));
    auto *processesLabel = new QLabel(tr("Processes:"));
    processesLabel->setBuddy(m_processes);
    m_localFields = new QWidget;
    auto *local = new QHBoxLayout(m_localFields);
    local->setContentsMargins(0, 0, 0, 0);
    local->addWidget(processesLabel);
    local->addWidget(m_processes);
    local->addStretch(1);

    m_partition = new QLineEdit;
    m_partition->setPlaceholderText(tr("default"));
    m_partition->setAccessibleName(tr("Slurm partition"));
    m_timeLimit = new QLineEdit;
    m_timeLimit->setPlaceholderText(QStringLiteral("02:00:00"));
    m_timeLimit->setAccessibleName(tr("Slurm time limit"));
    m_timeLimit->setToolTip(tr("Time limit of the job, as Slurm writes it (minutes, "
                               "HH:MM:SS or D-HH:MM:SS); empty for the partition's default."));
    m_nodes = new QSpinBox;
    m_nodes->setRange(1, 1024);
    m_nodes->setAccessibleName(tr("Slurm nodes"));
    m_nodes->setToolTip(tr("More than one node trains the run data-parallel over them."));
    auto *partitionLabel = new QLabel(tr("Partition:"));
    partitionLabel->setBuddy(m_partition);
    auto *timeLabel = new QLabel(tr("Time limit:"));
    timeLabel->setBuddy(m_timeLimit);
    auto *nodesLabel = new QLabel(tr("Nodes:"));
    nodesLabel->setBuddy(m_nodes);
    m_slurmFields = new QWidget;
    auto *slurm = new QHBoxLayout(m_slurmFields);
    slurm->setContentsMargins(0, 0, 0, 0);
    slurm->addWidget(partitionLabel);
    slurm->addWidget(m_partition, 1);
    slurm->addWidget(timeLabel);
    slurm->addWidget(m_timeLimit, 1);
    slurm->addWidget(nodesLabel);
    slurm->addWidget(m_nodes);

    auto *placeLabel = new QLabel(tr("Run on:"));
    placeLabel->setBuddy(m_place);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(placeLabel);
    layout->addWidget(m_place);
    layout->addWidget(m_localFields, 10);
    layout->addWidget(m_slurmFields, 10);
    layout->addStretch(1); // with the fields hidden, the box keeps its own width

    connect(m_place, &QComboBox::currentIndexChanged, this, [this] {
        updateVisibility();
        Q_EMIT changed();
    });
    connect(m_timeLimit, &QLineEdit::textChanged, this, &RunPlaceChoice::changed);
    updateVisibility();
}

void RunPlaceChoice::updateVisibility()
{
    m_localFields->setVisible(m_place->currentIndex() == 1);
    m_slurmFields->setVisible(m_place->currentIndex() == 2);
}

bool RunPlaceChoice::inWorkbench() const
{
    return m_place->currentIndex() == 0;
}

ExternalRun::Request RunPlaceChoice::request() const
{
    ExternalRun::Request r;
    r.place = m_place->currentIndex() == 2 ? ExternalRun::Place::Slurm
                                           : ExternalRun::Place::LocalProcesses;
    r.processes = m_processes->value();
    r.partition = m_partition->text().trimmed();
    r.timeLimit = m_timeLimit->text().trimmed();
    r.nodes = m_nodes->value();
    return r;
}

void RunPlaceChoice::setPlace(int index)
{
    m_place->setCurrentIndex(index);
}

void RunPlaceChoice::setProcesses(int n)
{
    m_processes->setValue(n);
}

QString RunPlaceChoice::validationError() const
{
    if (m_place->currentIndex() != 2)
        return {};
    // Slurm's time formats: M, M:S, H:M:S, D-H, D-H:M, D-H:M:S.
    static const QRegularExpression time(
        QStringLiteral("^(\\d+(:\\d{1,2}){0,2}|\\d+-\\d{1,2}(:\\d{1,2}){0,2})$"));
    const QString t = m_timeLimit->text().trimmed();
    if (!t.isEmpty() && !time.match(t).hasMatch())
        return tr("The time limit '%1' is not one Slurm reads (e.g. 90, 02:00:00 or 1-12:00:00).")
            .arg(t);
    static const QRegularExpression partition(QStringLiteral("^[A-Za-z0-9_.,-]*$"));
    if (!partition.match(m_partition->text().trimmed()).hasMatch())
        return tr("The partition name '%1' has characters Slurm does not use in names.")
            .arg(m_partition->text().trimmed());
    return {};
}

} // namespace equiscope
