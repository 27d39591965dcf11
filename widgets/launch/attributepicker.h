#pragma once

#include "data/groupassignment.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QListWidget;
class QSpinBox;
class QTimer;
class QTreeWidget;

namespace equiscope {

struct FareConfig;

/// Picks the target and the sensitive attribute(s) of a run, and how continuous or vector
/// sensitive attributes are binned for the group metrics; shows the intersectional groups those
/// choices make, with their sizes and the "too small to judge" flag, updated live. The groups
/// are computed with the same core code as the evaluation (assignGroups), off the GUI thread.
class AttributePicker : public QWidget
{
    Q_OBJECT

public:
    explicit AttributePicker(QWidget *parent = nullptr);
    ~AttributePicker() override;

    /// The columns to choose from (shared, read on a worker); nullptr shows @p names only,
    /// without a group preview (no dataset opened yet).
    void setAttributes(std::shared_ptr<const AttributeTable> table, const QStringList &names,
                       const QString &target, const QStringList &sensitive);

    QString target() const;
    void setTarget(const QString &name);
    QStringList sensitive() const;
    void setSensitive(const QStringList &names);
    BinningMethod binning() const;
    void setBinning(BinningMethod method);
    int bins() const;
    void setBins(int bins);
    int minGroupSize() const;
    void setMinGroupSize(int size);
    /// The k-means seed (the run's seed: the evaluation bins with it).
    void setSeed(quint64 seed);
    quint64 seed() const { return m_seed; }

    GroupOptions groupOptions() const;
    /// Writes target, sensitive, groupBins, groupBinning and minGroupSize into @p config.
    void applyTo(FareConfig &config) const;
    /// Takes those fields from @p config (attributes the table lacks are ignored).
    void setFrom(const FareConfig &config);

    /// True while the group preview of the current choices is being computed.
    bool isPreviewPending() const;
    /// The groups of the current choices once previewUpdated() has been emitted.
    const std::optional<GroupAssignment> &groups() const { return m_groups; }
    /// Why the current choices make no groups (e.g. a single-level attribute), or empty.
    QString previewError() const { return m_previewError; }
    /// How long the last preview took on the worker, in milliseconds.
    double lastPreviewMs() const { return m_lastPreviewMs; }

    QComboBox *targetBox() const { return m_target; }
    QListWidget *sensitiveList() const { return m_sensitive; }
    QComboBox *binningBox() const { return m_binning; }
    QSpinBox *binsBox() const { return m_bins; }
    QSpinBox *minSizeBox() const { return m_minSize; }
    QTreeWidget *groupTable() const { return m_groupTable; }
    QLabel *summaryLabel() const { return m_summary; }

Q_SIGNALS:
    /// A choice changed (target, sensitive, binning, bins, minimum size).
    void selectionChanged();
    /// The group preview for the current choices is ready (or failed: previewError()).
    void previewUpdated();
    /// The binning method, the bins or the seed changed (the dataset filter bins the same way).
    void binningChanged();

private:
    struct Preview
    {
        Expected<GroupAssignment> groups;
        double milliseconds = 0;
    };
    void choicesChanged();
    void startPreview();
    void showPreview(const Preview &preview);
    void updateBinningControls();
    bool hasBinnedSensitive() const;

    std::shared_ptr<const AttributeTable> m_table;
    quint64 m_seed = 0;
    QComboBox *m_target = nullptr;
    QListWidget *m_sensitive = nullptr;
    QComboBox *m_binning = nullptr;
    QSpinBox *m_bins = nullptr;
    QSpinBox *m_minSize = nullptr;
    QLabel *m_binningNote = nullptr;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_groupTable = nullptr;
    QTimer *m_debounce = nullptr;
    QFutureWatcher<Preview> m_watcher;
    quint64 m_generation = 0;        ///< bumped on every change
    quint64 m_runningGeneration = 0; ///< the change the running preview was started for
    std::optional<GroupAssignment> m_groups;
    QString m_previewError;
    double m_lastPreviewMs = 0;
};

} // namespace equiscope
