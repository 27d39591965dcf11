#pragma once

#include "jobs/runjob.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace equiscope {

/// Runs queued training jobs, at most maxConcurrent() at a time (default 1: one run already
/// uses every core). Jobs are owned by the queue and deleted when it is.
class JobQueue : public QObject
{
    Q_OBJECT

public:
    explicit JobQueue(QObject *parent = nullptr);
    ~JobQueue() override;

    /// Takes ownership of @p job and starts it when a slot is free.
    void enqueue(RunJob *job);
    void setMaxConcurrent(int count);
    int maxConcurrent() const { return m_maxConcurrent; }
    /// Removes a job that has not started yet, or cancels it if it runs.
    void cancel(RunJob *job);
    void cancelAll();

    QList<RunJob *> pending() const { return m_pending; }
    QList<RunJob *> running() const { return m_running; }
    QList<RunJob *> done() const { return m_done; }

Q_SIGNALS:
    /// @p job is about to start (emitted just before RunJob::start(), so listeners can connect
    /// to its progress in time).
    void jobStarted(equiscope::RunJob *job);
    void jobFinished(equiscope::RunJob *job);
    void queueChanged();

private:
    void startNext();

    int m_maxConcurrent = 1;
    QList<RunJob *> m_pending, m_running, m_done;
};

} // namespace equiscope
