/**
 * Keras's {@code keras.utils}: the progress bar ({@link keras4j.utils.Progbar}), {@code model.summary()}'s
 * printer ({@link keras4j.utils.LayerUtils}), {@code plot_model} ({@link keras4j.utils.PlotModel}), and the few
 * numpy steps the notebooks use ({@link keras4j.utils.Np}, {@link keras4j.utils.NpyWriter}).
 */
package keras4j.utils;
