#pragma once

#include <QMainWindow>

class QListWidget;
class QStackedWidget;

namespace equiscope {

class DatasetPanel;

/// The workbench window: navigation on the left, the current view on the right.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    DatasetPanel *datasetPanel() const { return m_datasetPanel; }
    /// Shows the view called @p name ("datasets", …); false when there is no such view.
    bool showView(const QString &name);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void showAbout();

    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    DatasetPanel *m_datasetPanel = nullptr;
};

} // namespace equiscope
