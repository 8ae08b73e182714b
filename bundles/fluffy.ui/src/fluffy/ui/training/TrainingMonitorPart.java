package fluffy.ui.training;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import jakarta.annotation.PostConstruct;

/** The Training Monitor view: the curves of a training run (runs arrive with the training pipeline). */
public class TrainingMonitorPart {

    private LossChart chart;

    @PostConstruct
    public void create(Composite parent) {
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
        Label status = new Label(parent, SWT.NONE);
        status.setText("No training run open.");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        chart = new LossChart(parent);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(chart.chart());
    }
}
