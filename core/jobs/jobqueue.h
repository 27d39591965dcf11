#pragma once

#include "trainingjob.h"

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
    void enqueue(TrainingJob *job);
    void setMaxConcurrent(int count);
    int maxConcurrent() const { return m_maxConcurrent; }
    /// Removes a job that has not started yet, or cancels it if it runs.
    void cancel(TrainingJob *job);
    void cancelAll();

    QList<TrainingJob *> pending() const { return m_pending; }
    QList<TrainingJob *> running() const { return m_running; }
    QList<TrainingJob *> done() const { return m_done; }

Q_SIGNALS:
    void jobStarted(equiscope::TrainingJob *job);
    void jobFinished(equiscope::TrainingJob *job);
    void queueChanged();

private:
    void startNext();

    int m_maxConcurrent = 1;
    QList<TrainingJob *> m_pending, m_running, m_done;
};

} // namespace equiscope
