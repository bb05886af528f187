# Renders build/bench.sh's ratios.dat (EcrPublish / SDK per scenario) as a grouped bar chart.
#   gnuplot -e "data='ratios.dat'; output='ratios.png'" ratios.gp
set terminal pngcairo size 1500,560 noenhanced font ",10"
set output output
set title "EcrPublish / SDK PublishContainer (below 1 = EcrPublish better; log scale)"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set logscale y
set yrange [0.00005:20]
set ytics ("0.0001" 0.0001, "0.001" 0.001, "0.01" 0.01, "0.1" 0.1, "0.5" 0.5, "1" 1, "2" 2, "5" 5, "10" 10)
set grid ytics
set xtics rotate by -25
set key top left
set arrow from graph 0, first 1 to graph 1, first 1 nohead dt 2 lw 2 lc rgb "black"
plot data using ($2 > 0 ? $2 : 1/0):xtic(1) title "wall time of publish + container command", \
     '' using ($3 > 0 ? $3 : 1/0) title "registry requests", \
     '' using ($4 > 0 ? $4 : 1/0) title "bytes uploaded", \
     '' using ($5 > 0 ? $5 : 1/0) title "peak RSS"
