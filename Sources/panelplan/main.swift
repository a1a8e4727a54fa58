import PanelPlanCLI

PanelPlanCommand.runMain()
