#pragma once

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

class QProcess;

namespace equiscope {

/// A run the workbench hands to equiscope-cli instead of training it in its own process: N local
/// processes of one data-parallel run, or a Slurm job (docs/guide/scaling-out.md). The run is
/// written as a one-point sweep folder (SweepPlan) and started with `sweep run DIR --local 1
/// --nproc N` or `sweep run DIR --slurm ...`; its state is polled with `sweep status DIR --json`
/// (which asks squeue for a Slurm job), and once it finished `sweep collect DIR --into STORE`
/// merges it into the workbench's store. Everything goes through the command line a user could
/// type, so a run outlives the window that started it.
class ExternalRun : public QObject
{
    Q_OBJECT

public:
    enum class Place
    {
        LocalProcesses,
        Slurm
    };
    Q_ENUM(Place)

    struct Request
    {
        Place place = Place::LocalProcesses;
        int processes = 2; ///< LocalProcesses: ranks of the data-parallel run
        QString partition; ///< Slurm: empty for the cluster's default
        QString timeLimit; ///< Slurm: e.g. "02:00:00"; empty for the partition's default
        int nodes = 1;     ///< Slurm: > 1 trains data-parallel over the nodes
    };

    enum class State
    {
        Starting, ///< the process is starting / the job is being submitted
        Queued,   ///< Slurm: waiting in the queue
        Running,
        Collecting, ///< merging the finished run into the store
        Finished,
        Failed,
        Cancelled
    };
    Q_ENUM(State)

    /// Writes @p config (a run config of any family) as a one-point sweep into @p folder and
    /// starts it; on failure returns nullptr with the reason in @p error. The finished run is
    /// merged into @p storePath.
    static ExternalRun *start(const QJsonObject &config, const Request &request,
                              const QString &folder, const QString &storePath, QString *error,
                              QObject *parent = nullptr);
    ~ExternalRun() override;

    /// equiscope-cli: $EQUISCOPE_CLI, else the one next to this program, else the one on PATH.
    static QString cliPath();
    /// Whether this machine can submit Slurm jobs (sbatch on PATH), else why not.
    static QString slurmUnavailableReason();

    QString name() const { return m_name; }
    QString folder() const { return m_folder; }
    const Request &request() const { return m_request; }
    State state() const { return m_state; }
    bool isActive() const;
    /// What the row shows: where it runs and how far it is ("Slurm job 42: RUNNING, epoch 3").
    QString statusText() const;
    /// The last error (a failed process's last lines of output, sbatch's refusal, …).
    QString errorText() const { return m_error; }
    QString slurmJob() const { return m_slurmJob; }
    /// The run's id once it exists in its shard (and, after collection, in the store).
    QString runId() const { return m_runId; }
    qint64 epochsRecorded() const { return m_epochs; }

    /// Stops it: SIGTERM to the local processes (the runs checkpoint and end cancelled), or
    /// scancel for a Slurm job.
    void cancel();
    /// Polls now (the timer polls every @p ms milliseconds; 2 s by default).
    void poll();
    void setPollInterval(int ms) { m_timer.setInterval(ms); }

Q_SIGNALS:
    void changed();
    /// The finished run was merged into the store (@p runId is its id there).
    void collected(const QString &runId);

private:
    ExternalRun(const QString &name, const Request &request, const QString &folder,
                const QString &storePath, QObject *parent);
    void launch();
    void launcherFinished(int exitCode);
    void statusRead(const QByteArray &json);
    void collect();
    void setState(State state, const QString &error = {});
    QProcess *newCli(const QStringList &arguments);

    QString m_name;
    Request m_request;
    QString m_folder;
    QString m_storePath;
    State m_state = State::Starting;
    QString m_error;
    QString m_slurmJob;
    QString m_slurmState;
    QString m_pointStatus;
    QString m_runId;
    qint64 m_epochs = 0;
    bool m_launcherDone = false;
    QPointer<QProcess> m_launcher; ///< `sweep run`: the whole run locally, the submission on Slurm
    QPointer<QProcess> m_status;
    QPointer<QProcess> m_collector;
    QTimer m_timer;
};

} // namespace equiscope
