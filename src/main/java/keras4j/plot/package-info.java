/**
 * Not a Keras module: the matplotlib figures the notebooks draw, as PNG files without a display - line plots
 * of training history ({@link keras4j.plot.LinePlot}), image grids of inputs and reconstructions ({@link
 * keras4j.plot.ImageGrid}), heat maps and confusion matrices ({@link keras4j.plot.HeatMap}).
 */
package keras4j.plot;
