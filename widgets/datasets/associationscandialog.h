#pragma once

#include "data/dataset.h"
#include "eval/associationscan.h"

#include <QDialog>
#include <QFutureWatcher>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTimer;

namespace equiscope {

class AssociationHeatmap;

/// "Scan Associations" of the Datasets page: runs the dataset association scan
/// (docs/design/bias-discovery.md) on a worker thread with progress and Cancel, and shows the
/// plain-language findings (shortcut risks with the target first), the clustered heatmap, every
/// pair in a sortable table, and — for a chosen finding or cell — the cell that drives it with a
/// few of its images.
class AssociationScanDialog : public QDialog
{
    Q_OBJECT

public:
    AssociationScanDialog(const Dataset &dataset, QWidget *parent = nullptr);
    ~AssociationScanDialog() override;

    /// Starts a scan with the options in the dialog (no-op while one runs).
    void startScan();
    bool isScanning() const;
    /// The last finished scan, or nullptr.
    const AssociationScan *scan() const { return m_scan.get(); }
    /// A finding in the interface language: "color predicts the target label: V = 0.90 (…)".
    static QString findingText(const AssociationScan &scan, const AssociationFinding &finding);
    /// Shows what drives the association of attributes @p a and @p b (scan order indices).
    void showPair(int a, int b);

    QComboBox *targetBox() const { return m_target; }
    QListWidget *findingsList() const { return m_findings; }
    QTableWidget *pairsTable() const { return m_pairs; }
    AssociationHeatmap *heatmap() const { return m_heatmap; }
    QListWidget *examplesList() const { return m_examples; }
    QLabel *cellLabel() const { return m_cell; }
    QLabel *statusLabel() const { return m_status; }

Q_SIGNALS:
    void scanFinished(bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void showResult(Expected<AssociationScan> result);

    Dataset m_dataset;
    QComboBox *m_target = nullptr;
    QSpinBox *m_rows = nullptr;
    QSpinBox *m_permutations = nullptr;
    QPushButton *m_scanButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QListWidget *m_findings = nullptr;
    AssociationHeatmap *m_heatmap = nullptr;
    QTableWidget *m_pairs = nullptr;
    QLabel *m_cell = nullptr;
    QListWidget *m_examples = nullptr;
    QTimer *m_poll = nullptr;
    std::unique_ptr<AssociationScan> m_scan;
    QFutureWatcher<Expected<AssociationScan>> m_watcher;
    std::atomic<bool> m_cancel{false};
    std::atomic<int> m_done{0};
    std::atomic<int> m_total{0};
};

} // namespace equiscope
